using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PaperTrail.Rendering;

/// <summary>
/// The <c>$…$</c> formulas of a line of text such as a title ("$π$-Bench", "2-4$\times$ faster"):
/// as HTML marked up the way Markdig marks up an abstract's math, so that <see cref="MathRenderer"/>
/// renders both alike, and as plain text for the places that show no markup (the page's
/// <c>&lt;title&gt;</c>, feeds, JSON-LD, BibTeX): "π-Bench", "2-4× faster".
/// </summary>
internal static partial class InlineTex
{
    // A formula: "$", no space after it, no "$" or line break inside, no space before the closing "$".
    [GeneratedRegex(@"\$(?<tex>[^\s$](?:[^$\n]{0,200}?[^\s$\\])?)\$")]
    private static partial Regex Formula();

    /// <summary>A backslash command: "\times", "\alpha".</summary>
    [GeneratedRegex(@"\\(?<name>[A-Za-z]+)\s?")]
    private static partial Regex Command();

    /// <summary>True when the text has something that reads as a formula.</summary>
    public static bool HasMath(string text) => text.Contains('$') && Formula().IsMatch(text);

    /// <summary>The text HTML-escaped, each formula as <c>&lt;span class="math"&gt;\(…\)&lt;/span&gt;</c>.</summary>
    public static string Html(string text)
    {
        if (!text.Contains('$')) return WebUtility.HtmlEncode(text);
        var sb = new StringBuilder(text.Length + 32);
        var last = 0;
        foreach (Match m in Formula().Matches(text))
        {
            sb.Append(WebUtility.HtmlEncode(text[last..m.Index]));
            sb.Append("<span class=\"math\">\\(").Append(WebUtility.HtmlEncode(m.Groups["tex"].Value)).Append("\\)</span>");
            last = m.Index + m.Length;
        }
        return sb.Append(WebUtility.HtmlEncode(text[last..])).ToString();
    }

    /// <summary>The text with each formula as readable plain text: the dollars dropped, common commands as their symbols.</summary>
    public static string Plain(string text) =>
        !text.Contains('$') ? text : Formula().Replace(text, m => PlainFormula(m.Groups["tex"].Value));

    private static string PlainFormula(string tex)
    {
        var text = Command().Replace(tex, c => Symbols.TryGetValue(c.Groups["name"].Value, out var symbol) ? symbol : c.Value);
        // Braces only group in TeX: "\mathbf{x}" reads as "\mathbfx" without them, so only bare groups go.
        return text.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
    }

    // The commands titles and abstracts use most, as the symbols they print.
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["times"] = "×", ["cdot"] = "·", ["pm"] = "±", ["sim"] = "~", ["approx"] = "≈", ["leq"] = "≤", ["le"] = "≤",
        ["geq"] = "≥", ["ge"] = "≥", ["neq"] = "≠", ["infty"] = "∞", ["rightarrow"] = "→", ["to"] = "→",
        ["leftarrow"] = "←", ["ell"] = "ℓ", ["partial"] = "∂", ["nabla"] = "∇", ["in"] = "∈", ["sum"] = "∑",
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ε", ["varepsilon"] = "ε",
        ["zeta"] = "ζ", ["eta"] = "η", ["theta"] = "θ", ["kappa"] = "κ", ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν",
        ["xi"] = "ξ", ["pi"] = "π", ["rho"] = "ρ", ["sigma"] = "σ", ["tau"] = "τ", ["phi"] = "φ", ["varphi"] = "φ",
        ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω", ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ",
        ["Lambda"] = "Λ", ["Pi"] = "Π", ["Sigma"] = "Σ", ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω",
        ["star"] = "⋆", ["circ"] = "∘", ["dagger"] = "†",
        // Commands that only style their argument: the argument is what reads.
        ["mathcal"] = "", ["mathbf"] = "", ["mathrm"] = "", ["mathit"] = "", ["mathbb"] = "", ["boldsymbol"] = "",
        ["text"] = "", ["textbf"] = "", ["textit"] = "", ["operatorname"] = "",
    };
}
