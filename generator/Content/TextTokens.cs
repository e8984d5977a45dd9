using System.Globalization;
using System.Text;

namespace PaperTrail.Content;

/// <summary>
/// Turns text into the tokens topic rules match on: lower case, accents dropped, hyphens and
/// punctuation as word breaks ("diffusion-based" is "diffusion based"), and a light stemmer so
/// inflections meet ("Diffusion Models" and "diffusion model", "planning" and "plan").
/// </summary>
internal static class TextTokens
{
    /// <param name="stems">Stems already made, shared by a build's papers; without it each word is stemmed afresh (a phrase, a few words).</param>
    public static string[] Of(string text, StemTable? stems = null)
    {
        // Most text is ASCII, which normalisation would leave as it is.
        var decomposed = System.Text.Ascii.IsValid(text) ? text : UnicodeText.Normalize(text, NormalizationForm.FormKD);
        var tokens = new List<string>(decomposed.Length / 6 + 1);
        var word = new char[64];
        var length = 0;
        foreach (var c in decomposed)
        {
            if (c >= 0x80 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (length == word.Length) Array.Resize(ref word, word.Length * 2);
                word[length++] = char.ToLowerInvariant(c);
                continue;
            }
            Flush();
        }
        Flush();
        return [.. tokens];

        void Flush()
        {
            if (length == 0) return;
            var span = word.AsSpan(0, length);
            tokens.Add(stems is null ? Stem(new string(span)) : stems.Of(span));
            length = 0;
        }
    }

    /// <summary>
    /// A deliberately small stemmer: plurals, -ing, -ed, a final -e and doubled final consonants.
    /// Phrases and text go through the same function, so only consistency matters.
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1])) return word;
        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4) w = w[..^3] + "y";
        else if (w.EndsWith("sses", StringComparison.Ordinal)) w = w[..^2];
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
                 && !w.EndsWith("is", StringComparison.Ordinal) && w.Length > 3) w = w[..^1];

        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5) w = w[..^3];
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4) w = w[..^2];
        if (w.EndsWith('e') && w.Length > 4) w = w[..^1];
        if (w.Length > 4 && w[^1] == w[^2] && !"aeious".Contains(w[^1])) w = w[..^1];
        return w;
    }
}
