using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace PaperTrail.Content;

/// <summary>
/// Reads typed values out of YAML nodes, reporting each wrong value with its line instead of
/// throwing, so one pass over a file finds every problem in it.
/// </summary>
public sealed class YamlNodes(string file, int lineOffset, List<ContentProblem> problems)
{
    public int LineOf(YamlNode node) => (int)node.Start.Line + lineOffset;

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

    public IReadOnlyList<DateOnly>? Dates(YamlNode node, string key)
    {
        if (node is not YamlSequenceNode sequence)
        {
            var single = Date(node, key);
            return single is null ? null : [single.Value];
        }
        var list = new List<DateOnly>();
        foreach (var item in sequence.Children)
        {
            var date = Date(item, key);
            if (date is not null) list.Add(date.Value);
        }
        return list;
    }

    public int? Integer(YamlNode node, string key, int min = int.MinValue)
    {
        var value = String(node, key);
        if (value is null) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min) return n;
        Problem(node, $"'{key}' has '{value}', which is not a whole number{(min == 0 ? " of 0 or more" : "")}");
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

    /// <summary>Parses YAML text into its root mapping, or reports where the syntax breaks.</summary>
    public YamlMappingNode? ParseMapping(string yaml, string what)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            // At end of input the parser points past the YAML: name its last line instead.
            var yamlLines = yaml.TrimEnd('\n').Split('\n').Length;
            var line = (int)Math.Min(e.Start.Line, yamlLines) + lineOffset;
            problems.Add(new ContentProblem(file, line, $"{what} is not valid YAML: {InnerMessage(e)}"));
            return null;
        }
        if (stream.Documents.Count == 0) return new YamlMappingNode();
        if (stream.Documents[0].RootNode is YamlMappingNode root) return root;
        if (stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return new YamlMappingNode();
        Problem(stream.Documents[0].RootNode, $"{what} must be a mapping of keys to values");
        return null;
    }

    private static string InnerMessage(YamlDotNet.Core.YamlException e)
    {
        var message = (e.InnerException?.Message ?? e.Message);
        // YamlDotNet prefixes positions like "(Line: 3, Col: 1, Idx: 20) - (…): "; we give our own line.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
