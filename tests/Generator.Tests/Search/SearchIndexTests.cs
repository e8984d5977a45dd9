using PaperTrail.Output;
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

    /// <summary>
    /// A new paper's build runs Pagefind over the last index: its own fragment is written, the other
    /// pages' fragments (their search records unchanged, though the new paper changed their related
    /// lists) are neither written again nor removed, what the new index no longer uses goes, and the
    /// files Pagefind rewrites on every run keep their time when their bytes are the same.
    /// </summary>
    [NodeFact]
    public void A_new_paper_writes_its_own_fragment_and_leaves_the_other_fragments_untouched()
    {
        _site.BuildOk();
        var fragments = Path.Combine(_site.Output, "pagefind", "fragment");
        var before = FolderSnapshot.Of(fragments);
        string[] unchanging = ["pagefind.js", "pagefind-worker.js", "wasm.en.pagefind"];
        var times = unchanging.Select(f => File.GetLastWriteTimeUtc(Path.Combine(_site.Output, "pagefind", f))).ToList();
        _site.Paper("c", "Flow Matching for Operators", "[2026-11-29]", "Flows between function spaces, learned by matching.");

        var result = _site.Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        var added = Assert.Single(before.Differences(FolderSnapshot.Of(fragments)));
        Assert.False(before.Files.ContainsKey(added));
        // Pagefind writes its script, worker and WebAssembly on every run; rewritten with the same bytes, they look untouched.
        Assert.Equal(times, unchanging.Select(f => File.GetLastWriteTimeUtc(Path.Combine(_site.Output, "pagefind", f))));
        Assert.Contains("\"page_count\":3", _site.Text("pagefind/pagefind-entry.json").Replace(" ", ""));
        Assert.Equal(ListedIndex(), IndexOnDisk(_site));
    }

    /// <summary>
    /// Pagefind keeps any file whose name it would write. A run killed while writing leaves files with
    /// the very names the next index uses, cut short: the next build must not take them for done.
    /// Its index is byte for byte the one a fresh build of the same papers makes.
    /// </summary>
    [PosixFact("bash, and Node.js for Pagefind")]
    public void A_run_killed_while_writing_leaves_nothing_the_next_index_takes_for_done()
    {
        _site.BuildOk();
        using var fresh = new FixtureSite { Search = true }
            .Paper("a", "Stochastic Interpolants", "[2026-11-27]", "A unifying framework for flows and diffusions.")
            .Paper("b", "Neural Operators", "[2026-11-28]", "Learning maps between function spaces.")
            .Paper("c", "Flow Matching for Operators", "[2026-11-29]", "Flows between function spaces, learned by matching.")
            .BuildOk();
        var expected = Hashes(Path.Combine(fresh.Output, "pagefind"));
        using var work = new TempDir();
        // The files of the next index that the last one does not have, each cut to half its length.
        var listed = ListedIndex();
        foreach (var file in IndexOnDisk(fresh).Where(f => !listed.Contains(f)))
        {
            var bytes = File.ReadAllBytes(Path.Combine(fresh.Output, file));
            work.WriteBytes("halves/" + file["pagefind/".Length..], bytes[..(bytes.Length / 2)]);
        }
        var killed = work.Write("pagefind-killed.sh", $$"""
            #!/usr/bin/env bash
            while [ $# -gt 0 ]; do if [ "$1" = --output-path ]; then out="$2"; fi; shift; done
            cd '{{work["halves"]}}' && find . -type f | while read -r f; do mkdir -p "$out/$(dirname "$f")"; cp "$f" "$out/$f"; done
            kill -9 $$
            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(killed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _site.Paper("c", "Flow Matching for Operators", "[2026-11-29]", "Flows between function spaces, learned by matching.");
        var failed = BuildWithPagefind(killed);
        Assert.True(failed.ExitCode == 1, failed.ToString());

        var retry = _site.Build();

        Assert.True(retry.ExitCode == 0, retry.ToString());
        Assert.Equal(expected, Hashes(Path.Combine(_site.Output, "pagefind")));
        Assert.Equal(ListedIndex(), IndexOnDisk(_site));
    }

    [NodeFact]
    public void A_clean_build_writes_every_file_of_the_index_anew()
    {
        _site.BuildOk();
        var fragment = Directory.GetFiles(Path.Combine(_site.Output, "pagefind", "fragment"))[0];
        var bytes = File.ReadAllBytes(fragment);
        File.WriteAllText(fragment, "damaged by hand");

        _site.BuildOk("--clean");

        Assert.Equal(bytes, File.ReadAllBytes(fragment));
    }

    /// <summary>Each file under the folder with the hash of its bytes.</summary>
    private static IDictionary<string, string> Hashes(string folder) =>
        new SortedDictionary<string, string>(FolderSnapshot.Of(folder).Files.ToDictionary(f => f.Key, f => f.Value.Hash), StringComparer.Ordinal);

    /// <summary>What the search manifest lists (its checksum line aside: a CheckedFile).</summary>
    private IReadOnlyList<string> ListedIndex() =>
        CheckedFile.Read(Path.Combine(_site.Output, ".paper-trail", "search.txt")).Lines().Order(StringComparer.Ordinal).ToList();

    private static IReadOnlyList<string> IndexOnDisk(FixtureSite site) =>
        Directory.GetFiles(Path.Combine(site.Output, "pagefind"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

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
    /// A build whose search step fails: the pages are written, and the Pagefind package's launcher
    /// finds no program where it is told to look (PAGEFIND_EXTENDED_BINARY_PATH, which it reads), as
    /// with a broken install.
    /// </summary>
    private Generator.Result BuildWithBrokenPagefind() => BuildWithPagefind(Path.Combine(_site.Output, "..", "no-such-pagefind"));

    /// <summary>A build whose Pagefind is the program at <paramref name="program"/> (the package's launcher runs it).</summary>
    private Generator.Result BuildWithPagefind(string program, params string[] extra) =>
        GeneratorProcess.Run(new Dictionary<string, string> { ["PAGEFIND_EXTENDED_BINARY_PATH"] = program },
            ["build", "--content", _site.Content, "--output", _site.Output, "--themes", _site.Themes, .. extra]);

    [Fact]
    public void After_a_failed_index_the_next_build_is_not_up_to_date_and_indexes_the_pages_on_disk()
    {
        _site.BuildOk();
        _site.Delete("content/papers/2026/11/b.md");
        var failed = BuildWithBrokenPagefind();
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
        var failed = BuildWithBrokenPagefind();
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
