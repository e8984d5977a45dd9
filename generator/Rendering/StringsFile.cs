using PaperTrail.Content;
using PaperTrail.Errors;
using YamlDotNet.RepresentationModel;

namespace PaperTrail.Rendering;

/// <summary>
/// Reads one strings file of a theme (<c>strings/fr.yml</c>): sections of entries, flattened to
/// dotted keys (<c>header.latest</c>). A mapping of exactly <c>one</c> and <c>other</c> is a count;
/// a list is a list (the months). YAML is read through the archive's bounded parser, so a broken
/// file is a problem naming its line, never a crash.
/// </summary>
internal static class StringsFile
{
    /// <summary>Strings files are a few kilobytes; a theme's file past this is a mistake, not words.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static Dictionary<string, UiString> Read(string path, List<ContentProblem> problems)
    {
        var file = DisplayPath.Of(path);
        var entries = new Dictionary<string, UiString>(StringComparer.Ordinal);
        if (new FileInfo(path).Length > MaxBytes)
        {
            problems.Add(new ContentProblem(file, 0, $"a strings file of more than {MaxBytes / 1024} KB: is it the right file?"));
            return entries;
        }
        var nodes = new YamlNodes(file, 0, problems);
        var root = nodes.ParseMapping(File.ReadAllText(path), "a strings file");
        if (root is not null) Section(nodes, file, root, "", entries);
        return entries;
    }

    private static void Section(YamlNodes nodes, string file, YamlMappingNode mapping, string prefix, Dictionary<string, UiString> entries)
    {
        foreach (var (key, _, value) in nodes.Entries(mapping))
        {
            var name = prefix + key;
            var line = nodes.LineOf(value);
            switch (value)
            {
                case YamlScalarNode scalar:
                    entries[name] = new UiString(file, line) { Text = scalar.Value ?? "" };
                    break;
                case YamlSequenceNode:
                    if (nodes.Strings(value, name) is { } list) entries[name] = new UiString(file, line) { List = list };
                    break;
                case YamlMappingNode forms when IsCount(forms):
                    var one = nodes.String(forms.Children[new YamlScalarNode("one")], name + ".one");
                    var other = nodes.String(forms.Children[new YamlScalarNode("other")], name + ".other");
                    if (one is not null && other is not null) entries[name] = new UiString(file, line) { One = one, Other = other };
                    break;
                case YamlMappingNode section:
                    Section(nodes, file, section, name + ".", entries);
                    break;
            }
        }
    }

    /// <summary>A mapping of exactly the keys one and other: the two forms of a count.</summary>
    private static bool IsCount(YamlMappingNode mapping) =>
        mapping.Children.Count == 2 && mapping.Children.Keys.All(k => k is YamlScalarNode { Value: "one" or "other" });
}
