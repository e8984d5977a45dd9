using System.Text.RegularExpressions;

namespace PaperTrail.Rendering;

/// <summary>
/// The partials a template names in its <c>{% include %}</c> and <c>{% render %}</c> tags, with the
/// line of each tag, so that a missing or escaping one can be told as "file:line" before any page is
/// rendered. Read from the source the parser accepted, with comments and raw blocks left out (a tag
/// there is text, not a tag). Not from Fluid's parsed tree: walking it with Fluid's AstVisitor crashed
/// the process (an access violation in Parlot's list enumerator) under parallel test runs, and Fluid
/// keeps no line numbers anyway.
/// </summary>
internal static partial class PartialReferences
{
    /// <param name="Tag">"include" or "render".</param>
    /// <param name="Name">The partial's name as written, or null when a variable computes it (only known as the page renders).</param>
    /// <param name="Line">The tag's line, 1-based.</param>
    internal sealed record Reference(string Tag, string? Name, int Line);

    public static IReadOnlyList<Reference> In(string source)
    {
        var text = WithoutCommentsAndRaw(source);
        return TagPlaces().Matches(text)
            .Select(m => new Reference(m.Groups["tag"].Value, m.Groups["name"].Success ? m.Groups["name"].Value : null, LineAt(text, m.Index)))
            .ToList();
    }

    /// <summary>The source with comment and raw blocks blanked out, keeping every line break, so lines still count.</summary>
    private static string WithoutCommentsAndRaw(string source) =>
        Ignored().Replace(source, m => new string(m.Value.Select(c => c == '\n' ? '\n' : ' ').ToArray()));

    private static int LineAt(string source, int index) => source.AsSpan(0, index).Count('\n') + 1;

    /// <summary>{% comment %}…{% endcomment %}, {% raw %}…{% endraw %}, and an inline {% # … %} comment.</summary>
    [GeneratedRegex("""\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}|\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}|\{%-?\s*#.*?%\}""", RegexOptions.Singleline)]
    private static partial Regex Ignored();

    /// <summary>
    /// Where a tag names a partial: after "{%" (or at the start of a line, inside {% liquid %}), include
    /// or render, then a quoted name, or anything else (a variable: no name).
    /// </summary>
    [GeneratedRegex("""(?:\{%-?|^)[ \t]*(?<tag>include|render)\b\s*(?:(?<quote>['"])(?<name>[^'"]*)\k<quote>)?""", RegexOptions.Multiline)]
    private static partial Regex TagPlaces();
}
