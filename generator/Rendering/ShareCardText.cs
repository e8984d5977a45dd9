using System.Globalization;
using System.Text;
using SkiaSharp;

namespace PaperTrail.Rendering;

/// <summary>
/// Text as the card's font can draw it. A character the font has no glyph for becomes U+FFFD (or "?"
/// where the font lacks that too): drawn from the shipped font, visibly, instead of from whatever
/// font the machine has, which would make the picture differ between machines. Control and format
/// characters go, and every run of white space is one space.
/// </summary>
internal static class ShareCardText
{
    public static string Drawable(string text, SKFont font)
    {
        var replacement = font.GetGlyph(0xFFFD) != 0 ? "\uFFFD" : "?";
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                space = sb.Length > 0;
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                continue;
            if (space) sb.Append(' ');
            space = false;
            if (font.GetGlyph(rune.Value) != 0) sb.Append(rune.ToString());
            else sb.Append(replacement);
        }
        return sb.ToString();
    }
}
