using System.Globalization;
using System.Text;

namespace PaperTrail.Content;

/// <summary>
/// The normalised form of a title used to recognise a paper that arrives without an arXiv id:
/// case, accents, punctuation and spacing do not matter; letters of every script do.
/// </summary>
internal static class TitleKey
{
    public static string Of(string title)
    {
        var decomposed = UnicodeText.Normalize(title, NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark) continue;
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        }
        return sb.ToString().TrimEnd();
    }
}
