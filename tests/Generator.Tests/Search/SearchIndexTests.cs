using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Search;

/// <summary>The search index: built by the build, kept untouched when nothing changed, skipped cleanly without Node.js.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite { Search = true }
        .Paper("a", "Stochastic Interpolants", "[2026-11-27]", "A unifying framework for flows and diffusions.")
        .Paper("b", "Neural Operators", "[2026-11-28]", "Learning maps between function spaces.");

    public void Dispose() => _site.Dispose();

    [NodeFact]
    public void The_build_writes_the_index_and_a_search_page_and_a_rebuild_rewrites_nothing()
    {
        var first = _site.Build();
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("search: indexed", first.Output);
        Assert.True(_site.Exists("pagefind/pagefind.js"));
        Assert.True(_site.Exists("pagefind/pagefind-entry.json"));
        Assert.NotNull(_site.Html("index.html").QuerySelector("form[role=search] input[name=q]"));
        var form = _site.Html("search/index.html");
        Assert.Equal(["All topics", "Other"], form.QuerySelectorAll("#search-topic option").Select(o => o.TextContent));
        var before = FolderSnapshot.Of(_site.Output);

        var again = _site.Build();

        Assert.Contains("0 written", again.Output);
        Assert.Contains("no input changed since the last build", again.Output);
        Assert.Empty(before.Differences(FolderSnapshot.Of(_site.Output)));
    }

    [NodeFact]
    public void A_changed_page_reindexes_and_a_removed_paper_leaves_no_stale_index_file()
    {
        _site.BuildOk();
        _site.Delete("content/papers/2026/11/b.md");

        var result = _site.Build();

        Assert.Contains("search: indexed", result.Output);
        var entry = _site.Text("pagefind/pagefind-entry.json");
        Assert.Contains("\"page_count\":1", entry.Replace(" ", ""));
        var listed = File.ReadAllLines(Path.Combine(_site.Output, ".paper-trail", "search.txt"));
        var onDisk = Directory.GetFiles(Path.Combine(_site.Output, "pagefind"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_site.Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(listed.Order(StringComparer.Ordinal), onDisk);
    }

    [Fact]
    public void Without_nodejs_the_build_succeeds_says_search_was_skipped_and_pages_hide_the_search_box()
    {
        using var emptyPath = new TempDir();
        var result = GeneratorProcess.Run(new Dictionary<string, string> { ["PATH"] = emptyPath.Path },
            "build", "--content", _site.Content, "--output", _site.Output, "--themes", _site.Themes);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("search: skipped (Node.js (node and npm) was not found)", result.Output);
        Assert.Null(_site.Html("index.html").QuerySelector("form[role=search]"));
        Assert.False(_site.Exists("search/index.html"));
    }

    [Fact]
    public void No_search_skips_indexing_and_hides_the_box()
    {
        var result = _site.Build("--no-search");
        Assert.Contains("search: skipped (--no-search)", result.Output);
        Assert.False(_site.Exists("pagefind/pagefind.js"));
        Assert.Null(_site.Html("index.html").QuerySelector("form[role=search]"));
    }
}
