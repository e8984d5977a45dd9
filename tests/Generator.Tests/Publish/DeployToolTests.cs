using System.Text.Json;
using PaperTrail.Tests.Support;
using PaperTrail.Tools;
using YamlDotNet.RepresentationModel;

namespace PaperTrail.Tests.Publish;

/// <summary>
/// The Netlify CLI comes from deploy/, a package of its own with its own lockfile: the deploy runs
/// exactly the packages that lockfile names, each checked against its hash, and the build's tools
/// (the root package.json: Pagefind, KaTeX) neither install it nor are ever taken from it.
/// </summary>
public sealed class DeployToolTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string DeployFolder => Path.Combine(Repo.Root, "deploy");

    private static JsonDocument Json(params string[] path) => JsonDocument.Parse(File.ReadAllText(Path.Combine([Repo.Root, .. path])));

    [Fact]
    public void Deploy_pins_one_exact_netlify_cli_and_its_lockfile_holds_that_version_and_a_hash_for_every_package()
    {
        using var package = Json("deploy", "package.json");
        var dependencies = package.RootElement.GetProperty("dependencies").EnumerateObject().ToList();
        var cli = Assert.Single(dependencies);
        Assert.Equal("netlify-cli", cli.Name);
        var version = cli.Value.GetString()!;
        Assert.Matches(@"^[0-9]+\.[0-9]+\.[0-9]+$", version); // an exact version, no range
        Assert.True(package.RootElement.GetProperty("private").GetBoolean());

        using var lockfile = Json("deploy", "package-lock.json");
        var packages = lockfile.RootElement.GetProperty("packages");
        Assert.True(lockfile.RootElement.GetProperty("lockfileVersion").GetInt32() >= 2);
        Assert.Equal(version, packages.GetProperty("").GetProperty("dependencies").GetProperty("netlify-cli").GetString());
        Assert.Equal(version, packages.GetProperty("node_modules/netlify-cli").GetProperty("version").GetString());
        var entries = packages.EnumerateObject().Where(p => p.Name.Length > 0).ToList();
        Assert.True(entries.Count > 100, "the lockfile names the CLI's whole tree");
        // npm ci refuses a download whose hash differs; a bundled package comes inside its parent's checked download.
        Assert.All(entries, p => Assert.True(
            p.Value.TryGetProperty("integrity", out var integrity) && integrity.GetString()!.StartsWith("sha512-", StringComparison.Ordinal)
            || p.Value.TryGetProperty("inBundle", out var bundled) && bundled.GetBoolean(), p.Name));
    }

    [Fact]
    public void The_builds_npm_ci_never_installs_the_netlify_cli()
    {
        Assert.DoesNotContain("netlify", File.ReadAllText(Path.Combine(Repo.Root, "package.json")), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("netlify-cli", File.ReadAllText(Path.Combine(Repo.Root, "package-lock.json")), StringComparison.Ordinal);
        Assert.DoesNotContain("pagefind", File.ReadAllText(Path.Combine(DeployFolder, "package.json")), StringComparison.Ordinal);
    }

    /// <summary>
    /// NodeTools looks for "the package.json beside the themes folder that pins pagefind", walking up
    /// from the themes folder: a fork whose root package.json is gone finds no tools, not deploy/'s.
    /// </summary>
    [Fact]
    public void The_build_never_takes_deploys_package_for_its_tools()
    {
        Directory.CreateDirectory(_dir["themes/default"]);
        Directory.CreateDirectory(_dir["deploy"]);
        foreach (var file in new[] { "package.json", "package-lock.json" })
            File.Copy(Path.Combine(DeployFolder, file), _dir[Path.Combine("deploy", file)]);

        var tools = NodeTools.Prepare(_dir["themes"], TextWriter.Null, out var unavailable);

        Assert.Null(tools);
        Assert.Equal("no package.json that pins pagefind beside the themes folder", unavailable);
        Assert.False(Directory.Exists(_dir["deploy/node_modules"]));
    }

    [Fact]
    public void The_nightly_installs_the_cli_from_deploys_lockfile_and_runs_it_from_there_downloading_nothing_else()
    {
        var nightly = WorkflowFile.Load("nightly.yml");
        var steps = nightly.Steps("publish");
        var install = Assert.Single(steps, s => WorkflowFile.Value(s, "run")?.Contains("deploy", StringComparison.Ordinal) == true
            && WorkflowFile.Value(s, "run")!.StartsWith("npm", StringComparison.Ordinal));
        var command = WorkflowFile.Value(install, "run")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["npm", "ci", "--prefix", "deploy"], command[..4]); // ci: exactly the lockfile, or fail
        Assert.Contains("--ignore-scripts", command);

        // npm's download cache is kept between nights, keyed on both lockfiles.
        var node = Assert.Single(steps, s => WorkflowFile.Value(s, "uses")?.StartsWith("actions/setup-node@", StringComparison.Ordinal) == true);
        var with = (YamlMappingNode)WorkflowFile.At(node, "with");
        Assert.Equal("npm", WorkflowFile.Value(with, "cache"));
        var keyedOn = WorkflowFile.Value(with, "cache-dependency-path")!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["package-lock.json", "deploy/package-lock.json"], keyedOn);
        Assert.True(steps.ToList().IndexOf(node) < steps.ToList().IndexOf(install));

        var deploy = File.ReadAllText(Path.Combine(Repo.Root, "scripts", "deploy.sh"));
        Assert.Contains("cli=\"$repo/deploy/node_modules/.bin/netlify\"", deploy);
        foreach (var script in new[] { "nightly.sh", "deploy.sh" })
        {
            var text = File.ReadAllText(Path.Combine(Repo.Root, "scripts", script));
            Assert.DoesNotContain("npx", text, StringComparison.Ordinal);
            Assert.DoesNotContain("npm install", text, StringComparison.Ordinal);
            Assert.DoesNotContain("npm exec", text, StringComparison.Ordinal);
        }
    }
}
