using PaperTrail.Incremental;
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
        // The manifest ends with its checksum (CheckedFile): whole, and listing exactly the index's files.
        var manifest = CheckedFile.Read(Path.Combine(_site.Output, ".paper-trail", "search.txt"));
        Assert.True(manifest.Found && manifest.Damage is null, manifest.Damage ?? "search.txt is missing");
        var listed = manifest.Lines().ToList();
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

    /// <summary>
    /// A build whose search step fails: the pages are written, Pagefind cannot write its index (the
    /// temporary folder it is given is under a file, as with a broken TMPDIR).
    /// </summary>
    private Generator.Result BuildWithBrokenTemp()
    {
        var notAFolder = Path.Combine(_site.Output, "..", "not-a-folder");
        File.WriteAllText(notAFolder, "");
        return GeneratorProcess.Run(new Dictionary<string, string> { ["TMPDIR"] = Path.Combine(notAFolder, "tmp") },
            "build", "--content", _site.Content, "--output", _site.Output, "--themes", _site.Themes);
    }

    [Fact]
    public void After_a_failed_index_the_next_build_is_not_up_to_date_and_indexes_the_pages_on_disk()
    {
        _site.BuildOk();
        _site.Delete("content/papers/2026/11/b.md");
        var failed = BuildWithBrokenTemp();
        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Contains("search indexing failed", failed.Errors);
        Assert.Contains("the next build makes the index again", failed.Errors);
        Assert.False(_site.Exists("papers/b/index.html")); // the pages went ahead of the index

        var retry = _site.Build();

        Assert.True(retry.ExitCode == 0, retry.ToString());
        Assert.DoesNotContain("no input changed", retry.Output);
        Assert.Contains("search: indexed", retry.Output);
        Assert.Contains("\"page_count\":1", _site.Text("pagefind/pagefind-entry.json"));
        Assert.Contains("no input changed since the last build", _site.Build().Output);
    }

    [Fact]
    public void A_first_build_whose_index_failed_is_indexed_by_the_next()
    {
        var failed = BuildWithBrokenTemp();
        Assert.Equal(1, failed.ExitCode);
        Assert.True(_site.Exists("papers/a/index.html"));

        var retry = _site.Build();

        Assert.DoesNotContain("no input changed", retry.Output);
        Assert.Contains("search: indexed", retry.Output);
        Assert.True(_site.Exists("pagefind/pagefind-entry.json"));
    }

    [Theory]
    [InlineData("pagefind/pagefind.js")]
    [InlineData("pagefind/pagefind-entry.json")]
    public void A_site_missing_part_of_its_index_is_not_up_to_date(string removed)
    {
        _site.BuildOk();
        File.Delete(Path.Combine(_site.Output, removed));

        var again = _site.Build();

        Assert.DoesNotContain("no input changed", again.Output);
        Assert.Contains("search: indexed", again.Output);
        Assert.True(_site.Exists(removed));
    }

    [Fact]
    public void A_site_whose_index_was_never_recorded_is_not_up_to_date()
    {
        _site.BuildOk();
        Directory.Delete(Path.Combine(_site.Output, "pagefind"), recursive: true);
        File.Delete(Path.Combine(_site.Output, ".paper-trail", "search.txt"));

        var again = _site.Build();

        Assert.Contains("search: indexed", again.Output);
        Assert.True(_site.Exists("pagefind/pagefind-entry.json"));
    }

    [Fact]
    public void When_every_paper_is_gone_the_old_index_goes_and_the_search_page_says_there_is_nothing_to_search()
    {
        _site.BuildOk();
        _site.Delete("content/papers/2026/11/a.md");
        _site.Delete("content/papers/2026/11/b.md");

        var result = _site.Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("search: no paper to index yet", result.Output);
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "pagefind")));
        Assert.Contains("There is nothing to search yet", _site.Text("search/index.html"));
    }
}
