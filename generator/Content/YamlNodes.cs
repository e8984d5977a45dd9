using System.Globalization;
using PaperTrail.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PaperTrail.Content;

/// <summary>
/// Reads typed values out of YAML nodes, reporting each wrong value with its line instead of
/// throwing, so one pass over a file finds every problem in it.
/// </summary>
internal sealed class YamlNodes(string file, int lineOffset, List<ContentProblem> problems)
{
    private string _yaml = "";

    public int LineOf(YamlNode node) => LineOf(node.Start) + lineOffset;

    /// <summary>The line of a place in the text as the reader counts lines (<see cref="TextLines"/>), not as YAML does.</summary>
    private int LineOf(Mark mark) => TextLines.LineAt(_yaml, mark.Index);

    public void Problem(YamlNode node, string message) => problems.Add(new ContentProblem(file, LineOf(node), message));

    public string? String(YamlNode node, string key)
    {
        if (node is YamlScalarNode scalar) return scalar.Value ?? "";
        Problem(node, $"'{key}' must be a single value");
        return null;
    }

    public string? NonEmptyString(YamlNode node, string key)
    {
        var value = String(node, key);
        if (value is null) return null;
        if (value.Trim().Length == 0) { Problem(node, $"'{key}' must not be empty"); return null; }
        return value;
    }

    public IReadOnlyList<string>? Strings(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: null or "" } emptyScalar && emptyScalar.Style == YamlDotNet.Core.ScalarStyle.Plain) return [];
        if (node is not YamlSequenceNode sequence)
        {
            Problem(node, $"'{key}' must be a list, e.g. {key}: [a, b]");
            return null;
        }
        var list = new List<string>();
        foreach (var item in sequence.Children)
        {
            var value = NonEmptyString(item, key);
            if (value is not null) list.Add(value);
        }
        return list;
    }

    public DateOnly? Date(YamlNode node, string key)
    {
        var value = String(node, key);
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Problem(node, $"'{key}' has '{value}', which is not a date of the form YYYY-MM-DD");
        return null;
    }

    public int? Integer(YamlNode node, string key, int min = int.MinValue)
    {
        var value = String(node, key);
        if (value is null) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min) return n;
        Problem(node, $"'{key}' has '{value}', which is not a whole number{(min is 0 or 1 ? $" of {min} or more" : "")}");
        return null;
    }

    public double? Number(YamlNode node, string key)
    {
        var value = String(node, key);
        if (value is null) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)) return n;
        Problem(node, $"'{key}' has '{value}', which is not a number");
        return null;
    }

    public bool? Boolean(YamlNode node, string key)
    {
        var value = String(node, key);
        switch (value)
        {
            case null: return null;
            case "true": return true;
            case "false": return false;
            default:
                Problem(node, $"'{key}' has '{value}': write true or false");
                return null;
        }
    }

    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode mapping)
    {
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is YamlScalarNode { Value: { } key }) yield return (key, keyNode, value);
            else Problem(keyNode, "a key must be a plain name");
        }
    }

    /// <summary>Parses YAML text into its root mapping, or reports where the syntax breaks or a limit is passed.</summary>
    /// <param name="maxAliases">How many aliases the text may use (<see cref="BoundedYamlParser"/>): 0 where none belongs.</param>
    public YamlMappingNode? ParseMapping(string yaml, string what, int maxAliases = BoundedYamlParser.MaxAliases)
    {
        _yaml = yaml;
        var stream = new YamlStream();
        using var reader = new StringReader(yaml);
        var parser = new BoundedYamlParser(reader, maxAliases);
        try
        {
            stream.Load(parser);
        }
        catch (YamlLimitException e)
        {
            problems.Add(new ContentProblem(file, LineOf(e.Start) + lineOffset, $"{what}: {e.Reason}"));
            return null;
        }
        catch (YamlException e)
        {
            var (at, note) = Locate(e, yaml, parser);
            SyntaxProblem(yaml, what, at, note, InnerMessage(e), parser);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nothing but this text goes into the parser, so whatever it throws is about the text: on some
            // broken input YamlDotNet fails with InvalidOperationException or ArgumentException and no
            // position. Its scanner's position is where it gave up.
            SyntaxProblem(yaml, what, LineOf(parser.Reached), null, "the YAML reader cannot make sense of it from here", parser);
            return null;
        }
        if (stream.Documents.Count == 0) return new YamlMappingNode();
        foreach (var extra in stream.Documents.Skip(1).Select(d => d.RootNode).Where(n => n is not YamlScalarNode { Value: null or "" }))
            Problem(extra, $"{what} must be one YAML document, but a second one starts here: remove the '---' or '...' line above it");
        if (stream.Documents[0].RootNode is YamlMappingNode root) return root;
        if (stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return new YamlMappingNode();
        Problem(stream.Documents[0].RootNode, $"{what} must be a mapping of keys to values");
        return null;
    }

    /// <summary>
    /// The line to name for a fault, and a note on what to look at. End is where the reader found the
    /// fault, Start where what it was reading (a quoted value, a list) began. A quote left open runs
    /// on over the next lines until something breaks, and a fault at the end of the text means
    /// something was never closed: then Start is the line to fix. Some of the scanner's faults (a tab
    /// as indentation) carry the start of the whole text as both, while the scanner itself stands on
    /// the fault.
    /// </summary>
    private (int At, string? Note) Locate(YamlException e, string yaml, BoundedYamlParser parser)
    {
        var startsSomewhere = e.Start.Index > 0 && e.Start.Index < yaml.Length;
        var (start, end) = (LineOf(e.Start), LineOf(e.End));
        if (startsSomewhere && yaml[(int)e.Start.Index] is '"' or '\'' && (start < end || e.End.Index >= yaml.Length))
            return (start, "is the quote opened on this line closed?");
        if (startsSomewhere && e.End.Index >= yaml.Length) return (start, null);
        var at = e is SyntaxErrorException ? Math.Max(end, LineOf(parser.Reached)) : end;
        return (at, startsSomewhere && start < at ? $"reading what began on line {start + lineOffset}" : null);
    }

    /// <summary>
    /// The problem at the line the reader stopped on, with the note, or else the bracket still open
    /// when there is one further up: an unclosed list is only found lines later.
    /// </summary>
    private void SyntaxProblem(string yaml, string what, int stopped, string? note, string message, BoundedYamlParser parser)
    {
        // At end of input the parser points past the YAML: name its last line instead.
        var yamlLines = yaml.TrimEnd('\n').Split('\n').Length;
        var at = Math.Clamp(stopped, 1, yamlLines);
        if (note is null && parser.OpenFlowStart is { } open && LineOf(open) < at)
            note = $"is the {Bracket(yaml, open)} opened on line {LineOf(open) + lineOffset} closed?";
        if (note is null && UnseenLineBreak(yaml, at) is { } unseen)
            note = $"this line holds a U+{(int)unseen:X4}, which YAML reads as a line break: delete it";
        problems.Add(new ContentProblem(file, at + lineOffset, $"{what} is not valid YAML: {message}{(note is null ? "" : $" ({note})")}"));
    }

    /// <summary>A character on the given line that YAML takes for a line break and an editor shows as nothing, if there is one.</summary>
    private static char? UnseenLineBreak(string yaml, int line)
    {
        var text = yaml.Split('\n').ElementAtOrDefault(line - 1) ?? "";
        var at = text.AsSpan().IndexOfAny('\u2028', '\u2029', '\u0085');
        return at >= 0 ? text[at] : null;
    }

    private static string Bracket(string yaml, Mark open) =>
        open.Index < yaml.Length && yaml[(int)open.Index] == '{' ? "{ … }" : "[ … ]";

    private static string InnerMessage(YamlException e)
    {
        var message = (e.InnerException?.Message ?? e.Message);
        // YamlDotNet prefixes positions like "(Line: 3, Col: 1, Idx: 20) - (…): "; we give our own line.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
