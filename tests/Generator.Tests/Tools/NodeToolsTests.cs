using System.Text.Json;
using PaperTrail.Search;
using PaperTrail.Tests.Support;
using PaperTrail.Tools;

namespace PaperTrail.Tests.Tools;

/// <summary>
/// Pagefind is started by node from the entry point its package.json names, never through the shim
/// npm puts in node_modules/.bin (a symbolic link here, a .cmd file on Windows). The package here
/// is a stand-in whose "Pagefind" writes down how it was called; there is no .bin folder at all.
/// </summary>
public sealed class NodeToolsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Writes down its arguments beside itself, and an index of no language (an entry the indexer can read).</summary>
    private const string Recorder = """
        const fs = require("fs"), path = require("path");
        const args = process.argv.slice(2);
        fs.writeFileSync(path.join(__dirname, "args.json"), JSON.stringify(args));
        const out = args[args.indexOf("--output-path") + 1];
        fs.mkdirSync(out, { recursive: true });
        fs.writeFileSync(path.join(out, "pagefind-entry.json"), JSON.stringify({ version: "1.6.0", languages: {} }));
        """;

    [NodeFact]
    public void Pagefind_runs_from_the_bin_of_its_package_json_by_node_without_a_shim()
    {
        _dir.Write("package.json", """{ "devDependencies": { "pagefind": "1.6.0", "katex": "0.19.1" } }""");
        Directory.CreateDirectory(_dir["themes"]);
        _dir.Write("node_modules/katex/package.json", """{ "name": "katex" }""");
        _dir.Write("node_modules/pagefind/package.json", """{ "name": "pagefind", "bin": { "pagefind": "lib/runner/recorder.cjs" } }""");
        var entry = _dir.Write("node_modules/pagefind/lib/runner/recorder.cjs", Recorder);
        var output = _dir["output"];
        Directory.CreateDirectory(output);

        var tools = NodeTools.Prepare(_dir["themes"], TextWriter.Null, out var unavailable);

        Assert.True(tools is not null, unavailable);
        Assert.Equal(entry, tools.Pagefind);
        Assert.Equal(ExecutableLookup.ForThisMachine().Find("node"), tools.Node);
        Assert.False(Directory.Exists(_dir["node_modules/.bin"]));

        var report = SearchIndexer.Run(tools, output, ["papers/a/index.html"], paperPages: 1);

        Assert.True(report.Indexed);
        var args = JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(Path.GetDirectoryName(entry)!, "args.json")))!;
        Assert.Equal(["--site", Path.GetFullPath(output)], args[..2]);
        // Not --silent: its lines name its steps, which the build shows as they come (PagefindProgress).
        Assert.Equal(["--glob", SearchIndexer.Glob], args[^2..]);
    }

    [NodeFact]
    public void A_bin_given_as_one_path_is_the_entry_too()
    {
        _dir.Write("package.json", """{ "devDependencies": { "pagefind": "1.6.0" } }""");
        Directory.CreateDirectory(_dir["themes"]);
        _dir.Write("node_modules/katex/package.json", """{ "name": "katex" }""");
        _dir.Write("node_modules/pagefind/package.json", """{ "name": "pagefind", "bin": "lib/runner/bin.cjs" }""");
        var entry = _dir.Write("node_modules/pagefind/lib/runner/bin.cjs", Recorder);

        var tools = NodeTools.Prepare(_dir["themes"], TextWriter.Null, out var unavailable);

        Assert.True(tools is not null, unavailable);
        Assert.Equal(entry, tools.Pagefind);
    }
}
