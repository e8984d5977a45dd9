using PaperTrail.Output;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>
/// One bad paper never stops the build: a paper that breaks a per-paper rule is left out, with a
/// warning naming file, line and rule, and the rest of the site is built (exit 0). <c>--strict</c>
/// and <c>check</c> fail on it; a broken site.yml or topics.yml still stops every build.
/// </summary>
public sealed class QuarantineTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite()
        .Paper("good-a", "Good Paper A", "[2026-11-27]", "A good paper about diffusion.")
        // Links to pages of its own site that exist: fine.
        .Paper("good-b", "Good Paper B", "[2026-11-28]", "See [paper A](https://example.org/papers/good-a/) and <https://example.org/topics/>.",
            extra: "links:\n  project: \"https://example.org/days/2026-11-27/\"");

    public void Dispose() => _site.Dispose();

    /// <summary>Every way a paper can break a rule, one paper each; what each warning must say: file, line, rule.</summary>
    private static readonly (string Slug, string File, int Line, string Rule)[] Broken =
    [
        ("yaml-list", "2026/11/yaml-list.md", 5, "is the [ … ] opened on line 4 closed?"),
        ("no-days", "2026/11/no-days.md", 1, "missing 'trending'"),
        ("unknown-topic", "2026/11/unknown-topic.md", 5, "unknown topic 'no-such-topic'"),
        ("good-a", "2026/12/good-a.md", 3, "slug 'good-a' is already used by"),
        ("orphan", "2026/11/orphan.md", 5, "redirect_to 'nowhere' names no other paper"),
        ("own-link", "2026/11/own-link.md", 6, "'links.project' links to https://example.org/no-such-page/, which is no page of this site"),
        ("abstract-link", "2026/11/abstract-link.md", 6, "the abstract links to https://example.org/papers/no-such-paper/, which is no page of this site"),
    ];

    private void AddBrokenPapers()
    {
        _site.Write("content/papers/2026/11/yaml-list.md", "---\ntitle: \"Yaml List\"\nslug: yaml-list\ntrending: [2026-11-28\nupvotes: 3\n---\nAn abstract.\n");
        _site.Write("content/papers/2026/11/no-days.md", "---\ntitle: \"No Days\"\nslug: no-days\n---\nAn abstract.\n");
        _site.Paper("unknown-topic", "Unknown Topic", "[2026-11-28]", extra: "topics: [no-such-topic]");
        _site.Paper("good-a", "Good Paper A, Twice", "[2026-12-01]"); // a second file with good-a's slug, later in the archive
        _site.Paper("orphan", "Orphan", "[2026-11-28]", extra: "redirect_to: nowhere");
        _site.Paper("own-link", "Own Link", "[2026-11-28]", extra: "links:\n  project: \"https://example.org/no-such-page/\"");
        _site.Paper("abstract-link", "Abstract Link", "[2026-11-28]", "As [shown here](https://example.org/papers/no-such-paper/), it works.");
    }

    /// <summary>
    /// The one line of <paramref name="output"/> about <paramref name="file"/> (under content/papers/) and <paramref name="line"/>,
    /// which must begin with <paramref name="prefix"/> ("error: ", "warning: ") and name <paramref name="rule"/>.
    /// </summary>
    private static string LineAbout(string output, string prefix, string file, int line, string rule = "")
    {
        var at = $"content/papers/{file}:{line}: ";
        var lines = output.Split('\n').Where(l => l.Contains(at, StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"one line about {at} expected in:\n{output}");
        Assert.StartsWith(prefix, lines[0]);
        Assert.Contains(rule, lines[0]);
        return lines[0];
    }

    [Fact]
    public void Each_broken_paper_is_left_out_with_a_warning_naming_file_line_and_rule_and_the_rest_is_built()
    {
        AddBrokenPapers();

        var result = _site.Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        var warnings = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Broken.Length, warnings.Length);
        foreach (var (_, file, line, rule) in Broken)
            Assert.EndsWith("; this paper is left out of the site", LineAbout(result.Errors, "warning: ", file, line, rule).TrimEnd());
        Assert.Contains($"; {Broken.Length} papers left out of the site", result.Output);
        foreach (var slug in new[] { "yaml-list", "no-days", "unknown-topic", "orphan", "own-link", "abstract-link" })
            Assert.False(_site.Exists($"papers/{slug}/index.html"), slug);
        Assert.Equal("Good Paper A", _site.Html("papers/good-a/index.html").QuerySelector("h1")!.TextContent.Trim());
        Assert.False(_site.Exists("days/2026-12-01/index.html")); // the second good-a's only day
        var goodB = _site.Html("papers/good-b/index.html");
        Assert.NotNull(goodB.QuerySelector("a[href='https://example.org/papers/good-a/']"));
        Assert.NotNull(goodB.QuerySelector("a[href='https://example.org/days/2026-11-27/']"));
        Assert.DoesNotContain("Abstract Link", _site.Text("days/2026-11-28/index.html"));
        Assert.DoesNotContain("Own Link", _site.Text("feed.xml"));
    }

    [Fact]
    public void A_strict_build_fails_on_any_of_them_and_writes_nothing()
    {
        _site.BuildOk();
        var before = FolderSnapshot.Of(_site.Output);
        AddBrokenPapers();

        var result = _site.Build("--strict");

        Assert.Equal(1, result.ExitCode);
        // The rules of the archive are all named at once; the own-host links need a plan, which the others stop first.
        foreach (var (_, file, line, rule) in Broken.Where(b => !b.Rule.Contains("no page of this site", StringComparison.Ordinal)))
            LineAbout(result.Errors, "error: ", file, line, rule);
        Assert.Empty(before.Differences(FolderSnapshot.Of(_site.Output)));
    }

    [Theory]
    [InlineData("own-link", "links:\n  project: \"https://example.org/no-such-page/\"", "An abstract.")]
    [InlineData("abstract-link", "", "As [shown here](https://example.org/papers/no-such-paper/), it works.")]
    public void A_strict_build_fails_on_a_link_to_no_page_of_the_site_naming_the_paper(string slug, string extra, string abstractText)
    {
        _site.Paper(slug, "Linking", "[2026-11-28]", abstractText, extra);

        var result = _site.Build("--strict");

        Assert.Equal(1, result.ExitCode);
        LineAbout(result.Errors, "error: ", $"2026/11/{slug}.md", 6, "which is no page of this site");
        Assert.DoesNotContain("broken link", result.Errors);
    }

    [Fact]
    public void Check_fails_naming_every_one_of_them()
    {
        AddBrokenPapers();

        var result = Generator.Run("check", "--content", _site.Content);

        Assert.Equal(1, result.ExitCode);
        foreach (var (_, file, line, rule) in Broken)
            LineAbout(result.Errors, "error: ", file, line, rule);
        Assert.DoesNotContain("good-b.md", result.Errors);
    }

    [Fact]
    public void Check_passes_links_to_pages_the_site_has()
    {
        var result = Generator.Run("check", "--content", _site.Content);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void A_link_to_a_paper_that_is_left_out_leaves_the_linking_paper_out_too_as_does_a_redirect_to_it()
    {
        _site.Paper("unknown-topic", "Unknown Topic", "[2026-11-28]", extra: "topics: [no-such-topic]");
        _site.Paper("follower", "Follower", "[2026-11-28]", "Builds on [this](https://example.org/papers/unknown-topic/).");
        _site.Paper("merged", "Merged", "[2026-11-28]", extra: "redirect_to: unknown-topic");

        var result = _site.Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("follower.md:6: the abstract links to https://example.org/papers/unknown-topic/, which is no page of this site", result.Errors);
        Assert.Matches(@"merged\.md:5: redirect_to 'unknown-topic' names \S*content/papers/2026/11/unknown-topic\.md, which is left out of the site", result.Errors);
        Assert.False(_site.Exists("papers/follower/index.html"));
        Assert.False(_site.Exists("papers/merged/index.html"));
        Assert.True(_site.Exists("papers/good-b/index.html"));
    }

    [Fact]
    public void A_link_to_the_site_host_outside_its_base_path_is_no_page_of_it()
    {
        using var site = new FixtureSite("title: Sub\nbase_url: https://example.org/archive/\n")
            .Paper("inside", "Inside", "[2026-11-27]", extra: "links:\n  project: \"https://example.org/archive/papers/inside/\"")
            .Paper("outside", "Outside", "[2026-11-28]", extra: "links:\n  project: \"https://example.org/elsewhere/\"");

        var result = site.Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("outside.md:6: 'links.project' links to https://example.org/elsewhere/, which is no page of this site (outside the site's base path /archive/)", result.Errors);
        Assert.True(site.Exists("papers/inside/index.html"));
        Assert.False(site.Exists("papers/outside/index.html"));
    }

    [Fact]
    public void A_link_a_theme_makes_to_no_page_still_fails_the_build()
    {
        using var themes = new TempDir();
        _site.Themes = TestFiles.CopyDefaultTheme(themes.Path);
        File.AppendAllText(Path.Combine(themes.Path, "default", "layouts", "paper.liquid"), "<a href=\"https://example.org/no-such-page/\">x</a>\n");

        var result = _site.Build();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("broken link 'https://example.org/no-such-page/'", result.Errors);
    }

    [Theory]
    [InlineData("content/site.yml", "title: X\nbase_url: https://example.org/\ncolour: blue\n", "site.yml:3: unknown key 'colour'")]
    [InlineData("content/topics.yml", "topics:\n  - slug: [unclosed\n", "topics.yml:")]
    public void A_broken_site_yml_or_topics_yml_still_stops_the_build_and_check(string file, string text, string problem)
    {
        AddBrokenPapers();
        _site.Write(file, text);

        var build = _site.Build();
        var check = Generator.Run("check", "--content", _site.Content);

        Assert.Equal(1, build.ExitCode);
        Assert.Contains("error: ", build.Errors.Split('\n').Single(l => l.Contains("content/" + problem, StringComparison.Ordinal)));
        Assert.DoesNotContain("warning:", build.Errors);
        // Nothing of a site; only the output folder's lock (architecture.md, "One writer at a time").
        Assert.Equal([$"{OutputWriter.ManifestFolder}/{FolderLock.OutputLockName}"],
            Directory.EnumerateFiles(_site.Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_site.Output, f).Replace('\\', '/')));
        Assert.Equal(1, check.ExitCode);
        Assert.Contains(problem, check.Errors);
    }
}
