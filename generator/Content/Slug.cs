using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PaperTrail.Content;

/// <summary>
/// Makes the URL name of a paper or topic: lower-case ASCII letters, digits and single hyphens,
/// at most <see cref="MaxLength"/> characters, never empty, never a name an OS reserves.
/// </summary>
internal static partial class Slug
{
    public const int MaxLength = 80;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex Shape();

    // Names Windows refuses as file names; a forker may build on Windows.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "con", "prn", "aux", "nul",
        "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    };

    public static bool IsValid(string slug) =>
        slug.Length <= MaxLength && Shape().IsMatch(slug) && !Reserved.Contains(slug);

    public static string From(string text)
    {
        var ascii = Transliteration.ToAscii(text).ToLowerInvariant();
        var sb = new StringBuilder(Math.Min(ascii.Length, MaxLength * 2));
        foreach (var c in ascii)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length > MaxLength * 2) break;
        }
        var slug = Shorten(sb.ToString().Trim('-'));
        if (slug.Length == 0) return "paper-" + ShortHash(text);
        return Reserved.Contains(slug) ? slug + "-paper" : slug;
    }

    /// <summary>Cuts at a word boundary so a long title gives a readable slug.</summary>
    private static string Shorten(string slug)
    {
        if (slug.Length <= MaxLength) return slug;
        var cut = slug.LastIndexOf('-', MaxLength);
        return (cut > MaxLength / 2 ? slug[..cut] : slug[..MaxLength]).Trim('-');
    }

    public static string ShortHash(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash)[..8];
    }
}

/// <summary>Latin transliteration for slugs: accents dropped, a few letters spelled out.</summary>
internal static class Transliteration
{
    // Latin letters that do not decompose: spelled inside their word (Straße → strasse).
    private static readonly Dictionary<char, string> LatinLetters = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['Æ'] = "AE", ['ø'] = "o", ['Ø'] = "O", ['œ'] = "oe", ['Œ'] = "OE",
        ['ł'] = "l", ['Ł'] = "L", ['đ'] = "d", ['Đ'] = "D", ['þ'] = "th", ['Þ'] = "Th", ['ð'] = "d", ['ı'] = "i",
    };

    // Greek letters are symbols in titles (χ^2, Φ^4): spelled as words of their own.
    private static readonly Dictionary<char, string> GreekLetters = new()
    {
        ['α'] = "alpha", ['β'] = "beta", ['γ'] = "gamma", ['δ'] = "delta", ['ε'] = "epsilon", ['ζ'] = "zeta",
        ['η'] = "eta", ['θ'] = "theta", ['ι'] = "iota", ['κ'] = "kappa", ['λ'] = "lambda", ['μ'] = "mu",
        ['ν'] = "nu", ['ξ'] = "xi", ['ο'] = "omicron", ['π'] = "pi", ['ρ'] = "rho", ['σ'] = "sigma", ['ς'] = "sigma",
        ['τ'] = "tau", ['υ'] = "upsilon", ['φ'] = "phi", ['χ'] = "chi", ['ψ'] = "psi", ['ω'] = "omega",
        ['Α'] = "Alpha", ['Β'] = "Beta", ['Γ'] = "Gamma", ['Δ'] = "Delta", ['Ε'] = "Epsilon", ['Ζ'] = "Zeta",
        ['Η'] = "Eta", ['Θ'] = "Theta", ['Ι'] = "Iota", ['Κ'] = "Kappa", ['Λ'] = "Lambda", ['Μ'] = "Mu",
        ['Ν'] = "Nu", ['Ξ'] = "Xi", ['Ο'] = "Omicron", ['Π'] = "Pi", ['Ρ'] = "Rho", ['Σ'] = "Sigma",
        ['Τ'] = "Tau", ['Υ'] = "Upsilon", ['Φ'] = "Phi", ['Χ'] = "Chi", ['Ψ'] = "Psi", ['Ω'] = "Omega",
    };

    public static string ToAscii(string text)
    {
        // Most titles and names are ASCII already, which decomposition leaves as it is: no copies
        // (BibTeX keys transliterate every paper's title and first author on every build).
        if (Ascii.IsValid(text)) return text;
        var decomposed = UnicodeText.Normalize(text, NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c < 0x80) { sb.Append(c); continue; }
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (LatinLetters.TryGetValue(c, out var latin)) sb.Append(latin);
            else if (GreekLetters.TryGetValue(c, out var greek)) sb.Append(' ').Append(greek).Append(' ');
            else sb.Append(' ');
        }
        return sb.ToString();
    }
}
