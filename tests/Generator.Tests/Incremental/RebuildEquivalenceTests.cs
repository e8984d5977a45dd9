using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Incremental;

/// <summary>
/// A rebuild after a change must give exactly the site a cold build of the changed content gives,
/// byte for byte, whatever changed: papers added, edited or hidden, a template, the taxonomy.
/// </summary>
public sealed class RebuildEquivalenceTests : IDisposable
{
    private readonly TempDir _themes = new();
    private readonly FixtureSite _site;

    public RebuildEquivalenceTests()
    {
        TestFiles.CopyDefaultTheme(_themes.Path);
        _site = new FixtureSite { Themes = _themes.Path };
        for (var i = 1; i <= 7; i++)
            _site.Paper($"p{i}", $"Diffusion Paper {i}", $"[2026-11-{20 + i}]", $"A diffusion model, number {i}.", extra: i % 2 == 0 ? "upvotes: " + i : "");
        _site.BuildOk();
    }

    public void Dispose()
    {
        _site.Dispose();
        _themes.Dispose();
    }

    /// <summary>Rebuilds in place, builds cold elsewhere, and compares every published file; returns how many outputs the rebuild rendered.</summary>
    private int AssertRebuildEqualsColdBuild()
    {
        var rebuild = _site.Build();
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        using var cold = new TempDir();
        var result = Generator.Run("build", "--content", _site.Content, "--output", cold.Path, "--themes", _site.Themes, "--no-search");
        Assert.True(result.ExitCode == 0, result.ToString());
        static Dictionary<string, string> Published(string dir) => FolderSnapshot.Of(dir).Files
            .Where(f => !f.Key.StartsWith(".paper-trail/", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value.Hash);
        var rebuilt = Published(_site.Output);
        var fresh = Published(cold.Path);
        Assert.Equal(fresh.Keys.Order(StringComparer.Ordinal), rebuilt.Keys.Order(StringComparer.Ordinal));
        Assert.All(fresh, f => Assert.True(rebuilt[f.Key] == f.Value, $"{f.Key} differs from a cold build"));
        return Rendered(rebuild.Output);
    }

    private static int Rendered(string output) => output.Contains("no input changed", StringComparison.Ordinal) ? 0 :
        int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"; (\d+) rendered, ").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static int Files(string output) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"build: \d+ papers, (\d+) files").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void After_adding_papers()
    {
        for (var i = 8; i <= 10; i++) _site.Paper($"p{i}", $"New Paper {i}", "[2026-11-29]", "Reinforcement learning.");
        AssertRebuildEqualsColdBuild();
    }

    [Fact]
    public void After_a_new_newest_day_only_what_the_day_touches_is_written()
    {
        // The nightly's case: papers on the day after the newest, one like the archive's papers, one not.
        var before = FolderSnapshot.Of(_site.Output);
        var oldPages = before.Files.Keys.Where(f => f.StartsWith("papers/", StringComparison.Ordinal))
            .ToDictionary(f => f, f => Related(File.ReadAllText(Path.Combine(_site.Output, f))));
        _site.Paper("p8", "Policy Gradients At Scale", "[2026-11-28]", "Reinforcement learning of policies.", extra: "upvotes: 7");
        _site.Paper("p9", "Diffusion Paper 9", "[2026-11-28]", "A diffusion model, number 9.", extra: "upvotes: 3");

        AssertRebuildEqualsColdBuild();

        var written = before.Differences(FolderSnapshot.Of(_site.Output)).Where(f => !f.StartsWith(".paper-trail/", StringComparison.Ordinal)).ToList();
        // Papers whose related list changed are written, and no other old paper page.
        var relatedChanged = oldPages.Where(p => Related(_site.Text(p.Key)) != p.Value).Select(p => p.Key).ToHashSet();
        Assert.Contains("papers/p9/index.html", written);
        Assert.All(written.Where(f => f.StartsWith("papers/", StringComparison.Ordinal)), f =>
            Assert.True(f is "papers/p8/index.html" or "papers/p9/index.html" || relatedChanged.Contains(f), $"{f} was written, yet only its related papers could have changed and they did not"));
        // The new day's page and its .bib, its neighbour's page (its "later" link), and no other day.
        Assert.Equal(["days/2026-11-27/index.html", "days/2026-11-28/index.html", "days/2026-11-28/papers.bib"], written.Where(f => f.StartsWith("days/20", StringComparison.Ordinal)));
        // Topic months other than November's are as they were.
        Assert.DoesNotContain(written, f => f.StartsWith("topics/", StringComparison.Ordinal) && f.Contains("/20", StringComparison.Ordinal) && !f.Contains("/2026/11/", StringComparison.Ordinal));
        Assert.Contains("index.html", written);
        Assert.Contains("days/index.html", written);
        Assert.Contains("feed.xml", written);
        Assert.Contains("sitemap.xml", written);
    }

    [Fact]
    public void Build_verbose_says_what_was_rendered_and_why()
    {
        _site.Paper("p8", "Diffusion Paper 8", "[2026-11-28]", "A diffusion model, number 8.", extra: "upvotes: 8");
        var verbose = _site.Build("--verbose");
        Assert.True(verbose.ExitCode == 0, verbose.ToString());
        Assert.Contains("changed: paper: ", verbose.Output);
        Assert.Matches(@"changed: day: 2 rendered \(1 new; 1 changed \(newer 1\)\), 2 written", verbose.Output);
        Assert.Matches(@"changed: sitemap\.xml: 1 rendered \(made every time\), 1 written", verbose.Output);
    }

    /// <summary>The related papers a paper page lists, as text.</summary>
    private static string Related(string page) =>
        string.Join("\n", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page).QuerySelectorAll(".related a").Select(a => a.GetAttribute("href")));

    [Fact]
    public void After_adding_an_older_paper_only_the_pages_whose_view_models_changed_are_rendered()
    {
        // An older paper (a backfill): the newest day stays, so most pages' view models stay as they were.
        var before = FolderSnapshot.Of(_site.Output);
        var oldPages = before.Files.Keys.Where(f => f.StartsWith("papers/", StringComparison.Ordinal))
            .ToDictionary(f => f, f => Related(File.ReadAllText(Path.Combine(_site.Output, f))));
        _site.Paper("p0", "Diffusion Paper Zero", "[2026-11-20]", "A diffusion model, number 0.");

        var rebuild = _site.Build("--verbose");
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        var written = before.Differences(FolderSnapshot.Of(_site.Output)).Where(f => !f.StartsWith(".paper-trail/", StringComparison.Ordinal)).ToHashSet();
        AssertRebuildEqualsColdBuild();

        // Every kind rendered exactly the outputs whose bytes changed: a page rendered again to the same
        // bytes had a view model that changed for nothing. Only the few outputs made every time are exempt.
        var kinds = System.Text.RegularExpressions.Regex.Matches(rebuild.Output, @"changed: (\S+): (\d+) rendered \((.*)\), (\d+) written");
        Assert.NotEmpty(kinds);
        foreach (System.Text.RegularExpressions.Match kind in kinds)
            if (kind.Groups[3].Value != "made every time")
                Assert.True(kind.Groups[2].Value == kind.Groups[4].Value, $"{kind.Value}: pages rendered whose bytes did not change");
        // And which they are: the new paper and those whose related papers changed; its day and the day
        // after (its "earlier" link), no other day's page. (Days' .bib files are written where their
        // papers' BibTeX keys moved: p0 first trended before the papers whose plain key it shares.)
        var relatedChanged = oldPages.Where(p => Related(_site.Text(p.Key)) != p.Value).Select(p => p.Key);
        Assert.Equal(relatedChanged.Append("papers/p0/index.html").Order(StringComparer.Ordinal),
            written.Where(f => f.StartsWith("papers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(["days/2026-11-20/index.html", "days/2026-11-21/index.html"],
            written.Where(f => f.StartsWith("days/20", StringComparison.Ordinal) && f.EndsWith("/index.html", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void After_editing_the_title_of_a_paper_other_pages_list()
    {
        _site.Paper("p4", "Diffusion Paper Four, Renamed", "[2026-11-24]", "A diffusion model, number 4.", extra: "upvotes: 4");
        AssertRebuildEqualsColdBuild();
        Assert.Contains("Diffusion Paper Four, Renamed", _site.Text("days/2026-11-24/index.html"));
    }

    [NodeFact]
    public void Math_a_rebuild_takes_from_the_cache_is_the_math_a_cold_build_renders()
    {
        // The repository's theme folder, so the pinned KaTeX beside it is found.
        using var site = new FixtureSite();
        site.Paper("m", "Quadratic Costs", "[2026-11-27]", "It grows as $\\mathcal{O}(n^2)$ and $x_1$.").BuildOk();
        site.Paper("m", "Quadratic Costs", "[2026-11-27]", "It grows as $\\mathcal{O}(n^2)$ and $x_1$.", extra: "upvotes: 40");
        Assert.Contains("papers/m/", File.ReadAllText(Path.Combine(site.Output, ".paper-trail", "renders.txt")));

        site.BuildOk();

        using var cold = new TempDir();
        Assert.Equal(0, Generator.Run("build", "--content", site.Content, "--output", cold.Path, "--themes", site.Themes, "--no-search").ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(cold.Path, "papers", "m", "index.html")), site.Text("papers/m/index.html"));
        Assert.NotNull(site.Html("papers/m/index.html").QuerySelector("section.abstract math"));
    }

    [Fact]
    public void After_merging_a_paper_into_another()
    {
        _site.Paper("p6", "Diffusion Paper 6", "[2026-11-26]", "A diffusion model, number 6.", extra: "redirect_to: p7");
        AssertRebuildEqualsColdBuild();
    }

    [Fact]
    public void After_changing_site_yml()
    {
        _site.Write("content/site.yml", "title: Renamed Archive\nbase_url: https://example.org/\ndescription: A test archive.\nlanguage: en\nauthor: Tester\npage_size: 3\nfeed_size: 3\n");
        var rendered = AssertRebuildEqualsColdBuild();
        Assert.Equal(Files(_site.Build("--clean").Output), rendered);
    }

    [Fact]
    public void An_output_changed_by_hand_is_rendered_again()
    {
        File.AppendAllText(Path.Combine(_site.Output, "papers", "p2", "index.html"), "<!-- edited -->");
        File.Delete(Path.Combine(_site.Output, "papers", "p3", "index.html"));
        _site.Paper("p8", "New Paper 8", "[2026-11-29]", "Reinforcement learning.");
        AssertRebuildEqualsColdBuild();
    }

    [Fact]
    public void An_output_edited_by_hand_to_the_same_size_is_rendered_again()
    {
        // A typo fixed in place: one letter for another, the size as it was. The day's page is one no
        // change below touches, so only noticing the edit can bring it back.
        var page = Path.Combine(_site.Output, "days", "2026-11-21", "index.html");
        var original = File.ReadAllBytes(page);
        var edited = System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(page).Replace("Diffusion Paper 1", "Diffusion Paper X", StringComparison.Ordinal));
        Assert.Equal(original.Length, edited.Length);
        Assert.NotEqual(original, edited);
        // A person's edit comes well after the build's last write; file times tick every few milliseconds.
        Thread.Sleep(50);
        File.WriteAllBytes(page, edited);
        _site.Paper("p8", "New Paper 8", "[2026-11-29]", "Reinforcement learning.");

        AssertRebuildEqualsColdBuild();

        Assert.Equal(original, File.ReadAllBytes(page));
    }

    [Fact]
    public void An_output_removed_by_hand_with_no_input_changed_is_written_again()
    {
        File.Delete(Path.Combine(_site.Output, "papers", "p3", "index.html"));
        Assert.DoesNotContain("no input changed", _site.Build().Output);
        Assert.True(_site.Exists("papers/p3/index.html"));
        AssertRebuildEqualsColdBuild();
    }

    [Fact]
    public void A_kept_page_whose_link_lost_its_target_fails_the_build_as_a_cold_build_does()
    {
        // A theme link fixed in a template, on one page only, to the day only p5 trended; that page (p1,
        // like no other paper, so p5 is not among its related papers) keeps its view model when p5 goes.
        var layout = Path.Combine(_themes.Path, "default", "layouts", "paper.liquid");
        File.AppendAllText(layout, "{% if paper.slug == \"p1\" %}<a href=\"/days/2026-11-25/\">that day</a>{% endif %}\n");
        _site.Paper("p1", "Quantum Annealing", "[2026-11-21]", "Quantum annealing schedules.");
        _site.BuildOk();
        _site.Paper("p5", "Diffusion Paper 5", "[2026-11-25]", "A diffusion model, number 5.", extra: "hidden: true");

        var rebuild = _site.Build();
        using var cold = new TempDir();
        var coldBuild = Generator.Run("build", "--content", _site.Content, "--output", cold.Path, "--themes", _site.Themes, "--no-search");

        Assert.NotEqual(0, coldBuild.ExitCode);
        Assert.NotEqual(0, rebuild.ExitCode);
        Assert.Contains("papers/p1/index.html: broken link '/days/2026-11-25/'", rebuild.Errors + rebuild.Output);
    }

    [Fact]
    public void A_corrupt_cache_and_render_manifest_mean_everything_is_worked_out_again()
    {
        File.WriteAllBytes(Path.Combine(_site.Output, ".paper-trail", "cache.bin"), [1, 2, 3, 4, 5]);
        File.WriteAllText(Path.Combine(_site.Output, ".paper-trail", "renders.txt"), "garbage\n");
        _site.Paper("p8", "New Paper 8", "[2026-11-29]", "Reinforcement learning.");
        var rendered = AssertRebuildEqualsColdBuild();
        Assert.Equal(Files(_site.Build("--clean").Output), rendered);
    }

    [Fact]
    public void A_cache_cut_short_is_ignored()
    {
        var cache = Path.Combine(_site.Output, ".paper-trail", "cache.bin");
        var bytes = File.ReadAllBytes(cache);
        File.WriteAllBytes(cache, bytes[..(bytes.Length / 2)]);
        _site.Paper("p2", "Diffusion Paper 2, Edited", "[2026-11-22]", "Reinforcement learning now.", extra: "upvotes: 2");
        AssertRebuildEqualsColdBuild();
    }

    [Fact]
    public void After_editing_one_paper()
    {
        _site.Paper("p3", "Diffusion Paper 3, Revised", "[2026-11-23, 2026-11-29]", "Now about reinforcement learning.", extra: "upvotes: 99");
        AssertRebuildEqualsColdBuild();
    }

    [Fact]
    public void After_hiding_one_paper()
    {
        _site.Paper("p5", "Diffusion Paper 5", "[2026-11-25]", "A diffusion model, number 5.", extra: "hidden: true");
        AssertRebuildEqualsColdBuild();
    }

    private string CacheFile(string name) => Path.Combine(_site.Output, ".paper-trail", name);

    private bool CacheHolds(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return new[] { "cache.bin", "cache-recent.bin" }.Select(CacheFile).Where(File.Exists)
            .Any(f => File.ReadAllBytes(f).AsSpan().IndexOf(bytes) >= 0);
    }

    [Fact]
    public void A_rebuild_after_adding_papers_leaves_the_cache_base_as_it_was_and_writes_the_recent_entries()
    {
        var before = File.ReadAllBytes(CacheFile("cache.bin"));
        _site.Paper("p8", "New Paper Eight", "[2026-11-29]", "Reinforcement learning.");
        AssertRebuildEqualsColdBuild();
        Assert.Equal(before, File.ReadAllBytes(CacheFile("cache.bin")));
        Assert.True(CacheHolds("New Paper Eight"));

        // The recent entries add up from build to build, over the same base.
        _site.Paper("p9", "New Paper Nine", "[2026-11-29]", "Reinforcement learning again.");
        AssertRebuildEqualsColdBuild();
        Assert.Equal(before, File.ReadAllBytes(CacheFile("cache.bin")));
        var recent = File.ReadAllBytes(CacheFile("cache-recent.bin"));
        Assert.True(recent.AsSpan().IndexOf("New Paper Eight"u8) >= 0);
        Assert.True(recent.AsSpan().IndexOf("New Paper Nine"u8) >= 0);
    }

    [Fact]
    public void Hiding_a_paper_writes_the_cache_base_again_and_no_cache_file_keeps_it()
    {
        _site.Paper("p8", "New Paper Eight", "[2026-11-29]", "Reinforcement learning.");
        _site.BuildOk();
        Assert.True(File.Exists(CacheFile("cache-recent.bin")));
        Assert.True(CacheHolds("Diffusion Paper 5"));

        _site.Paper("p5", "Diffusion Paper 5", "[2026-11-25]", "A diffusion model, number 5.", extra: "hidden: true");
        AssertRebuildEqualsColdBuild();
        Assert.False(File.Exists(CacheFile("cache-recent.bin")));
        Assert.False(CacheHolds("Diffusion Paper 5"));
        Assert.True(CacheHolds("New Paper Eight"));
    }

    [Fact]
    public void A_recent_cache_file_written_over_another_base_is_ignored()
    {
        _site.Paper("p8", "New Paper Eight", "[2026-11-29]", "Reinforcement learning.");
        _site.BuildOk();
        var recent = File.ReadAllBytes(CacheFile("cache-recent.bin"));
        _site.BuildOk("--clean"); // a new base, and no recent file
        File.WriteAllBytes(CacheFile("cache-recent.bin"), recent);
        _site.Paper("p9", "New Paper Nine", "[2026-11-28]", "Diffusion, and reinforcement learning.");
        AssertRebuildEqualsColdBuild();
    }

    [Fact]
    public void A_recent_cache_file_cut_short_is_ignored()
    {
        _site.Paper("p8", "New Paper Eight", "[2026-11-29]", "Reinforcement learning.");
        _site.BuildOk();
        var recent = File.ReadAllBytes(CacheFile("cache-recent.bin"));
        File.WriteAllBytes(CacheFile("cache-recent.bin"), recent[..(recent.Length / 2)]);
        _site.Paper("p8", "New Paper Eight, Edited", "[2026-11-29]", "Reinforcement learning, edited.");
        AssertRebuildEqualsColdBuild();
    }

    [Theory]
    [InlineData("topics: [no-such-topic]", "", "unknown topic 'no-such-topic'")]
    [InlineData("links:\n  project: \"https://example.org/papers/no-such-paper/\"", "", "which is no page of this site")]
    [InlineData("", "See [this](https://example.org/days/1999-01-01/).", "the abstract links to")]
    public void A_paper_broken_by_hand_is_left_out_as_a_cold_build_leaves_it_out_and_comes_back_when_fixed(string extra, string abstractText, string rule)
    {
        // p3 was built and cached; a person edits a mistake into it.
        _site.Paper("p3", "Diffusion Paper 3", "[2026-11-23]", abstractText.Length > 0 ? abstractText : "A diffusion model, number 3.", extra: extra);

        AssertRebuildEqualsColdBuild();
        Assert.False(_site.Exists("papers/p3/index.html"));
        Assert.False(CacheHolds("Diffusion Paper 3"));
        // Nothing changed since: the build ends early, and still names the paper.
        var again = _site.Build();
        Assert.Contains("no input changed since the last build", again.Output);
        Assert.Contains("1 paper left out of the site", again.Output);
        Assert.Contains("p3.md", again.Errors);
        Assert.Contains(rule, again.Errors);
        Assert.Equal(1, _site.Build("--strict").ExitCode);

        _site.Paper("p3", "Diffusion Paper 3", "[2026-11-23]", "A diffusion model, number 3.");
        AssertRebuildEqualsColdBuild();
        Assert.True(_site.Exists("papers/p3/index.html"));
        var fixedAgain = _site.Build();
        Assert.Contains("no input changed since the last build", fixedAgain.Output);
        Assert.Equal("", fixedAgain.Errors);
    }

    [Fact]
    public void Leaving_out_the_newest_paper_for_a_link_to_no_page_changes_what_every_page_shares_as_a_cold_build_does()
    {
        // Found only once the site is planned: it is planned again without p7, and "last updated" moves back a day.
        _site.Paper("p7", "Diffusion Paper 7", "[2026-11-27]", "See [this](https://example.org/papers/nowhere/).");

        AssertRebuildEqualsColdBuild();
        Assert.False(_site.Exists("days/2026-11-27/index.html"));
        Assert.Contains("2026-11-26", _site.Text("index.html"));
    }

    [Fact]
    public void A_new_paper_that_cannot_be_read_is_left_out_and_the_rest_rebuilt_as_a_cold_build()
    {
        _site.Write("content/papers/2026/11/broken.md", "---\ntitle: \"Broken\"\nslug: broken\ntrending: [2026-11-29\n---\n");
        _site.Paper("p8", "New Paper 8", "[2026-11-29]", "Reinforcement learning.");

        AssertRebuildEqualsColdBuild();
        Assert.True(_site.Exists("papers/p8/index.html"));
        Assert.False(_site.Exists("papers/broken/index.html"));
    }

    [Fact]
    public void After_changing_a_template()
    {
        var day = Path.Combine(_themes.Path, "default", "layouts", "day.liquid");
        File.WriteAllText(day, File.ReadAllText(day).Replace("<ol class=\"cards\">", "<ol class=\"cards day-cards\">"));
        AssertRebuildEqualsColdBuild();
        Assert.Contains("<ol class=\"cards day-cards\">", _site.Text("days/2026-11-21/index.html"));
    }

    [Fact]
    public void After_changing_a_string()
    {
        // [issue 33] The words are in the theme's strings files: a changed string renders the pages that show it.
        var strings = Path.Combine(_themes.Path, "default", "strings", "en.yml");
        File.WriteAllText(strings, File.ReadAllText(strings).Replace("trended on this day.", "were trending that day."));
        AssertRebuildEqualsColdBuild();
        Assert.Contains("were trending that day.", _site.Text("days/2026-11-21/index.html"));
    }

    [Fact]
    public void After_changing_the_taxonomy()
    {
        _site.Write("content/topics.yml", FixtureSite.DefaultTopics.Replace("description: Denoising diffusion and score-based models.",
            "description: Denoising diffusion and score-based models.\n    threshold: 1\n    phrases: { \"diffusion\": 1 }"));
        AssertRebuildEqualsColdBuild();
        Assert.Contains("Diffusion Paper 1", _site.Text("topics/diffusion-models/2026/11/index.html")); // the oldest: the month runs in the order it trended
        Assert.DoesNotContain("Diffusion Paper 1", _site.Text("topics/other/index.html"));
    }

    [Fact]
    public void With_nothing_changed_the_build_ends_early_and_writes_nothing()
    {
        var before = FolderSnapshot.Of(_site.Output);

        var again = _site.Build();

        Assert.Contains("no input changed since the last build", again.Output);
        Assert.Empty(before.Differences(FolderSnapshot.Of(_site.Output)));
    }

    [Fact]
    public void A_touched_but_identical_file_still_counts_as_unchanged()
    {
        var file = Path.Combine(_site.Content, "papers", "2026", "11", "p1.md");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(5)); // as a fresh git checkout does
        Assert.Contains("no input changed since the last build", _site.Build().Output);
    }

    [Fact]
    public void A_corrupt_input_manifest_means_a_full_build()
    {
        File.WriteAllText(Path.Combine(_site.Output, ".paper-trail", "inputs.txt"), "garbage\n");
        var result = _site.Build();
        Assert.Contains("build: 7 papers", result.Output);
        AssertRebuildEqualsColdBuild();
    }
}
