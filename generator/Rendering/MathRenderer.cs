using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PaperTrail.Tools;

namespace PaperTrail.Rendering;

/// <summary>
/// Turns the math of abstracts (<c>$…$</c>, <c>$$…$$</c>, which Markdig marks up as
/// <c>&lt;span class="math"&gt;\(…\)&lt;/span&gt;</c>) into MathML with KaTeX at build time: readers
/// need no script and no fonts. All formulas of the build go to KaTeX in one batch. Without
/// Node.js, or for a formula KaTeX cannot parse, the TeX stays as text.
/// </summary>
internal sealed partial class MathRenderer
{
    [GeneratedRegex(@"<span class=""math"">\\\((?<tex>.*?)\\\)</span>|<div class=""math"">\s*\\\[(?<tex>.*?)\\\]\s*</div>", RegexOptions.Singleline)]
    private static partial Regex MathMarkup();

    private readonly IReadOnlyDictionary<(string Tex, bool Display), string> _rendered;

    public static readonly MathRenderer None = new(new Dictionary<(string, bool), string>());

    /// <summary>Formulas rendered to MathML (a formula KaTeX could not parse is kept as "", and stays TeX).</summary>
    public int Formulas => _rendered.Count(f => f.Value.Length > 0);

    private MathRenderer(IReadOnlyDictionary<(string, bool), string> rendered) => _rendered = rendered;

    /// <summary>Each formula KaTeX was given, with its MathML ("" when it could not), for the build cache.</summary>
    public IEnumerable<KeyValuePair<(string Tex, bool Display), string>> Rendered => _rendered;

    /// <summary>Renders every formula of the given HTML fragments in one call to KaTeX.</summary>
    /// <param name="known">Formulas the same KaTeX rendered in an earlier build (the build cache): only the others go to KaTeX.</param>
    public static MathRenderer Prepare(NodeTools? tools, IEnumerable<string> htmlWithMath, TextWriter log,
        IReadOnlyDictionary<(string Tex, bool Display), string>? known = null)
    {
        if (tools is null) return None; // no KaTeX: no formula to look for
        var formulas = htmlWithMath.SelectMany(html => MathMarkup().Matches(html))
            .Select(m => (Tex: WebUtility.HtmlDecode(m.Groups["tex"].Value), Display: m.Value.StartsWith("<div", StringComparison.Ordinal)))
            .Distinct()
            .OrderBy(f => f.Tex, StringComparer.Ordinal).ThenBy(f => f.Display)
            .ToList();
        if (formulas.Count == 0) return None;
        var rendered = new Dictionary<(string, bool), string>();
        if (known is not null)
        {
            foreach (var formula in formulas)
                if (known.TryGetValue(formula, out var cached)) rendered[formula] = cached;
            formulas.RemoveAll(rendered.ContainsKey);
            if (formulas.Count == 0) return new MathRenderer(rendered);
        }

        var input = JsonSerializer.Serialize(formulas.Select(f => new KatexInput(f.Tex, f.Display)).ToArray(), KatexJson.Default.KatexInputArray);
        var (exit, output) = NodeTools.Run("node", [tools.MathScript], tools.PackageDir, TimeSpan.FromMinutes(2), input);
        string[]? mathml = null;
        if (exit == 0)
        {
            try { mathml = JsonSerializer.Deserialize(output, KatexJson.Default.StringArray); }
            catch (JsonException) { }
        }
        if (mathml is null || mathml.Length != formulas.Count)
        {
            log.WriteLine($"math: KaTeX failed, formulas stay as text ({output.Trim().Split('\n').LastOrDefault()})");
            return None;
        }
        for (var i = 0; i < formulas.Count; i++) rendered[formulas[i]] = mathml[i];
        return new MathRenderer(rendered);
    }

    /// <summary>The HTML with each formula KaTeX rendered replaced by its MathML.</summary>
    public string Apply(string html)
    {
        if (_rendered.Count == 0 || !html.Contains("class=\"math\"", StringComparison.Ordinal)) return html;
        return MathMarkup().Replace(html, m =>
        {
            var key = (WebUtility.HtmlDecode(m.Groups["tex"].Value), m.Value.StartsWith("<div", StringComparison.Ordinal));
            return _rendered.TryGetValue(key, out var mathml) && mathml.Length > 0 ? mathml : m.Value;
        });
    }
}

/// <summary>One formula as the KaTeX script reads it.</summary>
internal sealed record KatexInput(
    [property: System.Text.Json.Serialization.JsonPropertyName("tex")] string Tex,
    [property: System.Text.Json.Serialization.JsonPropertyName("display")] bool Display);

/// <summary>The JSON the KaTeX script reads and writes, serialised without reflection.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(KatexInput[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class KatexJson : System.Text.Json.Serialization.JsonSerializerContext;
