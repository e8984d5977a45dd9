using System.Text;

namespace PaperTrail.Content;

/// <summary>
/// Unicode normalisation that never throws. ICU refuses text holding lone surrogate halves
/// (invalid UTF-16) or noncharacters (U+FFFE, U+FDD0…): those, and U+FFFD, are dropped first,
/// since none of them carries meaning.
/// </summary>
internal static class UnicodeText
{
    public static string Normalize(string text, NormalizationForm form)
    {
        if (!NeedsRepair(text)) return text.Normalize(form);
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
            if (rune != Rune.ReplacementChar && !IsNoncharacter(rune.Value)) sb.Append(rune.ToString());
        return sb.ToString().Normalize(form);
    }

    /// <summary>The 66 code points Unicode reserves as never being characters.</summary>
    public static bool IsNoncharacter(int codePoint) =>
        (codePoint & 0xFFFE) == 0xFFFE || codePoint is >= 0xFDD0 and <= 0xFDEF;

    private static bool NeedsRepair(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsNoncharacter(char.ConvertToUtf32(c, text[++i]))) return true;
                continue;
            }
            if (char.IsSurrogate(c) || IsNoncharacter(c)) return true;
        }
        return false;
    }
}
