using PaperTrail.Pipelines;
using PaperTrail.Tests.Support;
using Tomlyn.Model;
using YamlDotNet.RepresentationModel;

namespace PaperTrail.Tests.Publish;

/// <summary>The workflow and netlify.toml, parsed as GitHub and Netlify parse them, agree with the build.</summary>
public sealed class PublishConfigTests
{
    private static YamlMappingNode Workflow()
    {
        var yaml = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Repo.Root, ".github", "workflows", "nightly.yml")));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static IEnumerable<YamlMappingNode> Steps() =>
        ((YamlSequenceNode)At(Workflow(), "jobs", "publish", "steps")).Children.Cast<YamlMappingNode>();

    private static string? Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    [Fact]
    public void The_workflow_runs_nightly_in_utc_and_on_demand_one_run_at_a_time()
    {
        var on = (YamlMappingNode)At(Workflow(), "on");
        var cron = Value((YamlMappingNode)((YamlSequenceNode)At(on, "schedule")).Children[0], "cron")!;
        var fields = cron.Split(' ');
        Assert.Equal(5, fields.Length);
        Assert.True(int.TryParse(fields[0], out var minute) && minute is >= 0 and < 60);
        Assert.True(int.TryParse(fields[1], out var hour) && hour is >= 0 and < 24);
        Assert.Equal(["*", "*", "*"], fields[2..]);
        Assert.True(on.Children.ContainsKey(new YamlScalarNode("workflow_dispatch")));
        Assert.Equal("false", ((YamlScalarNode)At(Workflow(), "concurrency", "cancel-in-progress")).Value);
        Assert.Equal("write", ((YamlScalarNode)At(Workflow(), "permissions", "contents")).Value);
    }

    [Fact]
    public void The_workflow_runs_the_nightly_script_with_the_netlify_secrets_and_keeps_the_output_cached()
    {
        var run = Steps().Single(s => Value(s, "run") == "scripts/nightly.sh");
        var env = (YamlMappingNode)At(run, "env");
        Assert.Equal("${{ secrets.NETLIFY_AUTH_TOKEN }}", Value(env, "NETLIFY_AUTH_TOKEN"));
        Assert.Equal("${{ secrets.NETLIFY_SITE_ID }}", Value(env, "NETLIFY_SITE_ID"));
        Assert.Contains(Steps(), s => Value(s, "uses")?.StartsWith("actions/setup-dotnet") == true
            && Value((YamlMappingNode)At(s, "with"), "global-json-file") == "global.json");
        var caches = Steps().Where(s => Value(s, "uses")?.StartsWith("actions/cache") == true)
            .Select(s => Value((YamlMappingNode)At(s, "with"), "path")).ToList();
        Assert.Contains(BuildOptions.DefaultOutput, caches);
        Assert.Contains("~/.nuget/packages", caches);
    }

    [Fact]
    public void The_nightly_script_ingests_trending_checks_builds_and_deploys_the_output_folder()
    {
        var script = File.ReadAllText(Path.Combine(Repo.Root, "scripts", "nightly.sh"));
        Assert.Contains("fetch=(--scheduled)", script);
        Assert.Contains("gen ingest ", script);
        Assert.Contains("gen check", script);
        Assert.Contains("gen build", script);
        Assert.Contains($"--dir {BuildOptions.DefaultOutput}", script);
    }

    [Fact]
    public void Netlify_publishes_the_build_output_and_never_builds_itself()
    {
        var build = (TomlTable)NetlifyConfig.Model["build"];
        Assert.Equal(BuildOptions.DefaultOutput, build["publish"]);
        Assert.Equal("exit 0", build["ignore"]);
        Assert.False(build.ContainsKey("command"));
    }

    [Fact]
    public void Netlify_sends_security_headers_a_strict_csp_and_feed_types()
    {
        var headers = NetlifyConfig.HeadersForAllPages();
        var csp = headers["Content-Security-Policy"];
        Assert.Contains("default-src 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval'", csp.Replace("wasm-unsafe-eval'", ""));
        Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
        Assert.Contains("Referrer-Policy", headers.Keys);
        Assert.Contains("Permissions-Policy", headers.Keys);

        var all = ((TomlTableArray)NetlifyConfig.Model["headers"]).ToDictionary(h => (string)h["for"], h => (TomlTable)h["values"]);
        Assert.Contains("immutable", (string)all["/assets/*"]["Cache-Control"]);
        Assert.DoesNotContain(all, h => h.Key != "/assets/*" && h.Value.ContainsKey("Cache-Control") && ((string)h.Value["Cache-Control"]).Contains("immutable"));
        Assert.StartsWith("application/rss+xml", (string)all["/feed.xml"]["Content-Type"]);
        Assert.StartsWith("application/atom+xml", (string)all["/atom.xml"]["Content-Type"]);
        Assert.StartsWith("application/feed+json", (string)all["/feed.json"]["Content-Type"]);
        Assert.StartsWith("application/rss+xml", (string)all["/topics/*/feed.xml"]["Content-Type"]);
    }

    [Fact]
    public void Netlify_answers_missing_pages_with_the_404_page_the_build_writes()
    {
        var redirects = ((TomlTableArray)NetlifyConfig.Model["redirects"]).ToList();
        var notFound = redirects.Single(r => (string)r["from"] == "/*");
        Assert.Equal("/" + Urls.NotFound, notFound["to"]);
        Assert.Equal(404L, notFound["status"]);
    }
}
