using System.Text.RegularExpressions;
using PaperTrail.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace PaperTrail.Tests.Publish;

/// <summary>
/// A workflow of .github/workflows, parsed as GitHub parses it (YAML), with its lines kept for what
/// YAML drops: the comment that names the release an action is pinned to.
/// </summary>
public sealed partial class WorkflowFile
{
    public string Name { get; }
    public YamlMappingNode Root { get; }
    public IReadOnlyList<string> Lines { get; }

    private WorkflowFile(string path)
    {
        Name = Path.GetFileName(path);
        var text = File.ReadAllText(path);
        var yaml = new YamlStream();
        using var reader = new StringReader(text);
        yaml.Load(reader);
        Root = (YamlMappingNode)yaml.Documents[0].RootNode;
        Lines = text.Split('\n');
    }

    public static string Folder => Path.Combine(Repo.Root, ".github", "workflows");

    public static WorkflowFile Load(string name) => new(Path.Combine(Folder, name));

    /// <summary>Every workflow GitHub runs: the .yml and .yaml files of the folder.</summary>
    public static IReadOnlyList<WorkflowFile> All() =>
        Directory.EnumerateFiles(Folder).Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(f => new WorkflowFile(f)).ToList();

    public static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    public static string? Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>The steps of a job, in order.</summary>
    public IReadOnlyList<YamlMappingNode> Steps(string job) =>
        ((YamlSequenceNode)At(Root, "jobs", job, "steps")).Children.Cast<YamlMappingNode>().ToList();

    /// <summary>The step of <paramref name="job"/> whose <c>run</c> is exactly <paramref name="run"/>.</summary>
    public YamlMappingNode StepRunning(string job, string run) => Assert.Single(Steps(job), s => Value(s, "run") == run);

    /// <summary>Every scalar of the document, keys included, with where it is ("jobs.publish.steps[9].env.X").</summary>
    public IEnumerable<(string Path, YamlScalarNode Scalar, bool IsKey)> Scalars() => Scalars(Root, "");

    private static IEnumerable<(string, YamlScalarNode, bool)> Scalars(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                yield return (path, scalar, false);
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                    foreach (var found in Scalars(sequence.Children[i], $"{path}[{i}]")) yield return found;
                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? "";
                    var at = path.Length == 0 ? name : $"{path}.{name}";
                    yield return (at, (YamlScalarNode)key, true);
                    foreach (var found in Scalars(value, at)) yield return found;
                }
                break;
        }
    }

    /// <summary>Every <c>uses:</c> of every job (a reusable workflow) and step (an action), with the line of the file it is on.</summary>
    public IEnumerable<(string Uses, string Line)> Uses() =>
        Scalars().Where(s => !s.IsKey && UsesPath().IsMatch(s.Path))
            .Select(s => (s.Scalar.Value!, Lines[(int)s.Scalar.Start.Line - 1].TrimEnd('\r')));

    [GeneratedRegex(@"^jobs\.[^.]+(\.steps\[[0-9]+\])?\.uses$")]
    private static partial Regex UsesPath();
}
