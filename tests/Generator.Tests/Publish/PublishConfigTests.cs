using System.Globalization;
using PaperTrail.Site;
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
    public void The_workflow_runs_the_nightly_script_then_the_deploy_script_and_keeps_the_output_cached()
    {
        var steps = Steps().ToList();
        var nightly = steps.FindIndex(s => Value(s, "run") == "scripts/nightly.sh");
        var deploy = steps.FindIndex(s => Value(s, "run") == "scripts/deploy.sh");
        Assert.True(nightly >= 0 && deploy > nightly, "the deploy runs after the job that builds output/");
        Assert.Contains(Steps(), s => Value(s, "uses")?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true
            && Value((YamlMappingNode)At(s, "with"), "global-json-file") == "global.json");
        var caches = Steps().Where(s => Value(s, "uses")?.StartsWith("actions/cache@", StringComparison.Ordinal) == true)
            .Select(s => Value((YamlMappingNode)At(s, "with"), "path")).ToList();
        Assert.Contains(BuildOptions.DefaultOutput, caches);
        Assert.Contains("~/.nuget/packages", caches);
    }

    [Fact]
    public void The_nightly_script_ingests_trending_checks_builds_and_leaves_the_deploy_to_the_deploy_script()
    {
        var script = File.ReadAllText(Path.Combine(Repo.Root, "scripts", "nightly.sh"));
        Assert.Contains("fetch=(--scheduled)", script);
        Assert.Contains("gen ingest ", script);
        Assert.Contains("gen check", script);
        Assert.Contains("gen build", script);
        Assert.Contains("\"$repo/scripts/deploy.sh\" --dry-run", script);
        Assert.Contains($"site={BuildOptions.DefaultOutput}\n", File.ReadAllText(Path.Combine(Repo.Root, "scripts", "deploy.sh")));
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
        Assert.StartsWith("application/rss+xml", (string)all["/feed.xml"]["Content-Type"]);
        Assert.StartsWith("application/atom+xml", (string)all["/atom.xml"]["Content-Type"]);
        Assert.StartsWith("application/feed+json", (string)all["/feed.json"]["Content-Type"]);
        Assert.StartsWith("application/rss+xml", (string)all["/topics/*/feed.xml"]["Content-Type"]);
    }

    /// <summary>
    /// HSTS for a year on this host only: includeSubDomains would bind every subdomain of a fork's own
    /// domain to HTTPS, and preload (a list in browsers themselves) is slow to undo; neither is ours to decide.
    /// </summary>
    [Fact]
    public void Netlify_tells_browsers_to_use_https_only_for_a_year_on_this_host_alone()
    {
        var hsts = NetlifyConfig.HeadersForAllPages()["Strict-Transport-Security"];
        var directives = hsts.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        var maxAge = Assert.Single(directives, d => d.StartsWith("max-age=", StringComparison.OrdinalIgnoreCase));
        Assert.True(long.Parse(maxAge["max-age=".Length..], CultureInfo.InvariantCulture) >= 31536000, hsts);
        Assert.DoesNotContain(directives, d => d.Equals("includeSubDomains", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(directives, d => d.Equals("preload", StringComparison.OrdinalIgnoreCase));
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
