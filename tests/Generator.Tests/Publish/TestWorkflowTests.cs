using System.Text.RegularExpressions;
using PaperTrail.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace PaperTrail.Tests.Publish;

/// <summary>
/// .github/workflows/test.yml, parsed as GitHub parses it: every push and pull request runs the
/// tests on Linux and on Windows, with Node.js and a browser, so that search, math and the browser
/// tests run rather than skip.
/// </summary>
public sealed partial class TestWorkflowTests
{
    /// <summary>One leg of the matrix: the job with ${{ matrix.… }} replaced by that leg's values.</summary>
    private sealed record Leg(string Os, YamlMappingNode Job, IReadOnlyDictionary<string, string> Matrix)
    {
        public string? Resolve(string? value) =>
            value is null ? null : MatrixExpression().Replace(value, m => Matrix.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

        public string? Value(YamlMappingNode node, string key) => Resolve(TestWorkflowTests.Value(node, key));

        public IEnumerable<YamlMappingNode> Steps => ((YamlSequenceNode)At(Job, "steps")).Children.Cast<YamlMappingNode>();
    }

    [GeneratedRegex(@"\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}")]
    private static partial Regex MatrixExpression();

    private static YamlMappingNode Workflow()
    {
        var yaml = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Repo.Root, ".github", "workflows", "test.yml")));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string? Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>Every leg of every job, as GitHub expands the matrix (its include entries, or its os list).</summary>
    private static List<Leg> Legs()
    {
        var legs = new List<Leg>();
        foreach (var (_, node) in ((YamlMappingNode)At(Workflow(), "jobs")).Children)
        {
            var job = (YamlMappingNode)node;
            var matrices = new List<Dictionary<string, string>>();
            if (job.Children.ContainsKey(new YamlScalarNode("strategy")))
            {
                var matrix = (YamlMappingNode)At(job, "strategy", "matrix");
                if (matrix.Children.TryGetValue(new YamlScalarNode("os"), out var oses))
                    matrices.AddRange(((YamlSequenceNode)oses).Children.Select(os => new Dictionary<string, string> { ["os"] = ((YamlScalarNode)os).Value! }));
                if (matrix.Children.TryGetValue(new YamlScalarNode("include"), out var include))
                    matrices.AddRange(((YamlSequenceNode)include).Children.Cast<YamlMappingNode>()
                        .Select(entry => entry.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value ?? "")));
            }
            if (matrices.Count == 0) matrices.Add([]);
            foreach (var values in matrices)
            {
                var leg = new Leg("", job, values);
                legs.Add(leg with { Os = leg.Value(job, "runs-on")! });
            }
        }
        return legs;
    }

    [Fact]
    public void Every_push_and_every_pull_request_run_the_tests()
    {
        var on = (YamlMappingNode)At(Workflow(), "on");
        Assert.True(on.Children.ContainsKey(new YamlScalarNode("push")));
        Assert.True(on.Children.ContainsKey(new YamlScalarNode("pull_request")));
        // No filter: a push to any branch, a pull request into any branch.
        Assert.All(new[] { "push", "pull_request" }, e => Assert.True(At(on, e) is YamlScalarNode { Value: null or "" }, e + " is filtered"));
    }

    [Theory]
    [InlineData("ubuntu-latest")]
    [InlineData("windows-latest")]
    public void Dotnet_test_runs_on_linux_and_windows_with_the_pinned_sdk_and_nodejs(string os)
    {
        var leg = Assert.Single(Legs(), l => l.Os == os);
        var steps = leg.Steps.ToList();
        int Index(Func<YamlMappingNode, bool> step) => steps.FindIndex(s => step(s));
        bool Uses(YamlMappingNode step, string action) => leg.Value(step, "uses")?.StartsWith(action + "@", StringComparison.Ordinal) == true;

        var test = Index(s => leg.Value(s, "run")?.StartsWith("dotnet test", StringComparison.Ordinal) == true);
        var checkout = Index(s => Uses(s, "actions/checkout"));
        var dotnet = Index(s => Uses(s, "actions/setup-dotnet") && Value((YamlMappingNode)At(s, "with"), "global-json-file") == "global.json");
        var node = Index(s => Uses(s, "actions/setup-node"));
        var nuget = Index(s => Uses(s, "actions/cache") && Value((YamlMappingNode)At(s, "with"), "path") == "~/.nuget/packages");

        Assert.True(test >= 0, "no dotnet test step");
        // Each is there, and before the tests run.
        Assert.All(new[] { checkout, dotnet, node, nuget }, step => Assert.InRange(step, 0, test - 1));
    }

    [Fact]
    public void The_linux_leg_runs_the_browser_tests_and_must_pass()
    {
        var leg = Assert.Single(Legs(), l => l.Os == "ubuntu-latest");

        // Browser.cs reads PAPER_TRAIL_CHROMIUM; with CI=true a missing browser fails the tests, it does not skip them.
        Assert.Equal(Support.Browser.DebianChromium, leg.Value((YamlMappingNode)At(leg.Job, "env"), Support.Browser.PathVariable));
        Assert.Equal("false", leg.Value(leg.Job, "continue-on-error"));
    }

    [Fact]
    public void The_windows_leg_may_fail_until_it_has_been_seen_green_and_says_so()
    {
        var leg = Assert.Single(Legs(), l => l.Os == "windows-latest");

        Assert.Equal("true", leg.Value(leg.Job, "continue-on-error"));
        var chromium = leg.Value((YamlMappingNode)At(leg.Job, "env"), Support.Browser.PathVariable);
        Assert.EndsWith(@"\chrome.exe", chromium);
        Assert.Contains("until a green run", File.ReadAllText(Path.Combine(Repo.Root, ".github", "workflows", "test.yml")));
    }

    [Fact]
    public void The_linux_leg_checks_formatting_as_the_ci_does_before_the_tests()
    {
        var leg = Assert.Single(Legs(), l => l.Os == "ubuntu-latest");
        var steps = leg.Steps.ToList();
        var format = steps.FindIndex(s => leg.Value(s, "run") == "dotnet format Site.sln --verify-no-changes");
        var test = steps.FindIndex(s => leg.Value(s, "run")?.StartsWith("dotnet test", StringComparison.Ordinal) == true);

        Assert.InRange(format, 0, test - 1);
        // The same check .ci/run makes: a push that passes here passes there.
        Assert.Contains("dotnet format Site.sln --verify-no-changes", File.ReadAllText(Path.Combine(Repo.Root, ".ci", "run")));
    }
}
