using System.Text;

namespace PaperTrail.Content;

/// <summary>
/// Unicode normalisation that never throws: when the text holds lone surrogate halves (invalid
/// UTF-16), they and any U+FFFD are dropped first, since neither carries meaning.
/// </summary>
public static class UnicodeText
{
    public static string Normalize(string text, NormalizationForm form)
    {
        if (!HasLoneSurrogate(text)) return text.Normalize(form);
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
            if (rune != Rune.ReplacementChar) sb.Append(rune.ToString());
        return sb.ToString().Normalize(form);
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }
}
