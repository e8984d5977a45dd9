using System.Text;
using System.Text.RegularExpressions;

namespace PaperTrail.Ingest;

/// <summary>
/// Turns LaTeX accent escapes into Unicode (Schr\"{o}dinger → Schrödinger, \c{c} → ç, {\ss} → ß)
/// and escaped specials into their characters (49.99\% → 49.99%) outside math; <c>$…$</c> and <c>$$…$$</c> are left exactly as written.
/// </summary>
internal static partial class LatexEscapes
{
    private static readonly Dictionary<string, char> CombiningMarks = new(StringComparer.Ordinal)
    {
        ["\""] = '\u0308', ["'"] = '\u0301', ["`"] = '\u0300', ["^"] = '\u0302', ["~"] = '\u0303',
        ["="] = '\u0304', ["."] = '\u0307', ["c"] = '\u0327', ["v"] = '\u030C', ["u"] = '\u0306',
        ["H"] = '\u030B', ["k"] = '\u0328', ["r"] = '\u030A',
    };

    private static readonly Dictionary<string, string> Letters = new(StringComparer.Ordinal)
    {
        ["ss"] = "ß", ["o"] = "ø", ["O"] = "Ø", ["aa"] = "å", ["AA"] = "Å", ["ae"] = "æ", ["AE"] = "Æ",
        ["oe"] = "œ", ["OE"] = "Œ", ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı", ["j"] = "ȷ",
    };

    // \"{o}, \"o, \'{\i}; letter accents (\c, \v, …) only with braces or a space, so that
    // commands such as \cdot or \vec are never touched. Wrapped() also eats braces around it: {\"o}.
    private const string Escape = """\\(?:(?<mark>["'`^~=.])\s*(?:\{\s*(?<base>\\[ij]|[A-Za-z])\s*\}|(?<base>[A-Za-z]))|(?<mark>[cvuHkr])(?:\s*\{\s*(?<base>\\[ij]|[A-Za-z])\s*\}|\s+(?<base>[A-Za-z])))""";

    [GeneratedRegex(@"\{" + Escape + @"\}")]
    private static partial Regex Wrapped();

    [GeneratedRegex(Escape)]
    private static partial Regex Bare();

    [GeneratedRegex(@"\{\\(?<name>ss|aa|AA|ae|AE|oe|OE|o|O|l|L)\}|\\(?<name>ss|aa|AA|ae|AE|oe|OE|o|O|l|L)(?:\{\}|(?![A-Za-z]))")]
    private static partial Regex Letter();

    // "\\" (a LaTeX line break) is matched as a whole so its second backslash never escapes what follows.
    [GeneratedRegex(@"\\\\|\\(?<char>[%&#_$])")]
    private static partial Regex Special();

    [GeneratedRegex(@"(?<!\\)\$\$.*?(?<!\\)\$\$|(?<!\\)\$[^$]+(?<!\\)\$", RegexOptions.Singleline)]
    private static partial Regex Math();

    public static string ToUnicode(string text)
    {
        if (!text.Contains('\\')) return text;
        var sb = new StringBuilder(text.Length);
        var position = 0;
        foreach (Match math in Math().Matches(text))
        {
            sb.Append(ReplaceOutsideMath(text[position..math.Index]));
            sb.Append(math.Value);
            position = math.Index + math.Length;
        }
        sb.Append(ReplaceOutsideMath(text[position..]));
        return sb.ToString();
    }

    private static string ReplaceOutsideMath(string text)
    {
        if (!text.Contains('\\')) return text;
        text = Wrapped().Replace(text, Accented);
        text = Bare().Replace(text, Accented);
        text = Letter().Replace(text, m => Letters[m.Groups["name"].Value]);
        return Special().Replace(text, m => m.Groups["char"].Success ? m.Groups["char"].Value : m.Value);
    }

    private static string Accented(Match m)
    {
        var baseLetter = m.Groups["base"].Value switch { "\\i" => "i", "\\j" => "j", var b => b };
        return (baseLetter + CombiningMarks[m.Groups["mark"].Value]).Normalize(NormalizationForm.FormC);
    }
}
