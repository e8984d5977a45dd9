using System.Globalization;
using System.Text;

namespace PaperTrail.Ingest;

/// <summary>
/// Cleans scraped text once, at ingest, so that everything downstream holds plain Unicode:
/// LaTeX accents become letters, control, format (bidi, zero-width) and replacement characters
/// go, whitespace becomes single spaces, the result is NFC. Math is kept as written.
/// </summary>
internal static class TextCleaner
{
    /// <summary>Cleans one line of text (a title, an author, a whole abstract on one line).</summary>
    public static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        var sb = new StringBuilder(raw.Length);
        foreach (var rune in raw.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune)) { sb.Append(' '); continue; }
            if (IsDropped(rune)) continue;
            sb.Append(rune.ToString());
        }
        var text = LatexEscapes.ToUnicode(sb.ToString()).Normalize(NormalizationForm.FormC);
        return CollapseSpaces(text);
    }

    /// <summary>
    /// Whether a character carries no visible meaning and can mislead: controls, bidi overrides,
    /// zero-width characters, private-use leftovers of broken encodings, and U+FFFD (bytes that
    /// were not UTF-8).
    /// </summary>
    private static bool IsDropped(Rune rune) =>
        rune.Value == 0xFFFD
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
        || Content.UnicodeText.IsNoncharacter(rune.Value);

    private static string CollapseSpaces(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ' && (sb.Length == 0 || sb[^1] == ' ')) continue;
            sb.Append(c);
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }

    /// <summary>
    /// Cleans a text that may hold paragraphs (an abstract): single line breaks are hard wrapping and
    /// become spaces; a blank line separates paragraphs and is kept.
    /// </summary>
    public static string CleanParagraphs(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        var paragraphs = System.Text.RegularExpressions.Regex.Split(raw.Replace("\r\n", "\n").Replace('\r', '\n'), @"\n[ \t]*\n")
            .Select(Clean)
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>A title is usable when some letter or digit is left after cleaning.</summary>
    public static bool IsUsableTitle(string cleaned) => cleaned.Any(char.IsLetterOrDigit);
}
