using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Preview;

/// <summary>
/// Each of serve's builds says how long it took and what it wrote (issue 34): a person who saved an
/// edit sees which pages it changed. Run as a user runs it, its output read as a log would (no terminal:
/// no stage lines between the rebuilds' lines).
/// </summary>
public sealed class ServeRebuildLineTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite().Paper("a", "The First Title", "[2026-11-28]").Paper("b", "Another", "[2026-11-27]");
    private readonly TempDir _preview = new();
    private readonly PreviewClient _client = new();
    private ServeProcess? _server;

    public void Dispose()
    {
        _server?.Dispose();
        _client.Dispose();
        _preview.Dispose();
        _site.Dispose();
    }

    [Fact]
    public async Task A_rebuild_says_its_time_and_names_the_files_it_wrote()
    {
        _server = new ServeProcess(_site, _preview.Path, _client.Line);
        var page = new Uri(_client.Root(), "papers/a/");
        Assert.Contains("An abstract.", (await _client.Get(page)).Body); // served: the first build is done, the watch under way

        var before = _client.LineCount;
        var paper = Path.Combine(_site.Content, "papers", "2026", "11", "a.md");
        File.WriteAllText(paper, File.ReadAllText(paper).Replace("An abstract.", "A new abstract."));
        await _client.Until(page, b => b.Contains("A new abstract."));
        var line = await _client.TerminalLine(l => l.StartsWith("built in ", StringComparison.Ordinal), before);

        Assert.Matches(@"^built in \d+ ms: 2 papers, \d+ files written \(.+\)$", line);
        Assert.Contains("papers/a/index.html", line);
        Assert.DoesNotContain("papers/b/index.html", line); // what it wrote, not every page
        Assert.DoesNotContain(_client.Terminal.Split('\n'), l => l.StartsWith("render, check links, stage", StringComparison.Ordinal));
    }
}
