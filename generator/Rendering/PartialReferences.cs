using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;

namespace PaperTrail.Rendering;

/// <summary>
/// The partials a parsed template names in its <c>{% include %}</c> and <c>{% render %}</c> tags, in the
/// order they stand, with the line of each tag, so that a missing or escaping one can be told as
/// "file:line" before any page is rendered. The tags are found in the parsed template (one in a
/// comment or a raw block is not a tag); Fluid keeps no positions, so a tag's line is found in the
/// source: the n-th tag naming a partial is taken to be the n-th place the source names it so.
/// </summary>
internal sealed partial class PartialReferences : AstVisitor
{
    /// <param name="Tag">"include" or "render".</param>
    /// <param name="Name">The partial's name as written, or null when a variable computes it (only known as the page renders).</param>
    /// <param name="Line">The tag's line, 1-based; 0 when it could not be found in the source.</param>
    public sealed record Reference(string Tag, string? Name, int Line);

    private readonly List<(string Tag, string? Name)> _found = [];

    public static IReadOnlyList<Reference> In(IFluidTemplate template, string source)
    {
        var visitor = new PartialReferences();
        visitor.VisitTemplate(template);
        var places = TagPlaces().Matches(source)
            .Select(m => (Name: m.Groups["name"].Value, Line: LineAt(source, m.Index)))
            .ToList();
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        var references = new List<Reference>(visitor._found.Count);
        foreach (var (tag, name) in visitor._found)
        {
            var line = 0;
            if (name is not null)
            {
                var seen = taken.GetValueOrDefault(name);
                taken[name] = seen + 1;
                var same = places.Where(p => p.Name == name).ToList();
                line = same.Count == 0 ? 0 : same[Math.Min(seen, same.Count - 1)].Line;
            }
            references.Add(new Reference(tag, name, line));
        }
        return references;
    }

    protected override Statement VisitIncludeStatement(IncludeStatement statement)
    {
        _found.Add(("include", statement.Path is LiteralExpression literal ? literal.Value.ToStringValue() : null));
        return base.VisitIncludeStatement(statement);
    }

    protected override Statement VisitRenderStatement(RenderStatement statement)
    {
        _found.Add(("render", statement.Path));
        return base.VisitRenderStatement(statement);
    }

    private static int LineAt(string source, int index) => source.AsSpan(0, index).Count('\n') + 1;

    /// <summary>Where a tag names a partial: after "{%" (or at the start of a line, inside {% liquid %}), include or render, then a quoted name.</summary>
    [GeneratedRegex("""(?:\{%-?|^)\s*(?:include|render)\s+(?<quote>['"])(?<name>[^'"]*)\k<quote>""", RegexOptions.Multiline)]
    private static partial Regex TagPlaces();
}
