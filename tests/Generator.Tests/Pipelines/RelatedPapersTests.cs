using PaperTrail.Content;
using PaperTrail.Related;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>
/// Related papers on paper pages: weighed by a fixed term table (the generator's, or the archive's
/// own from <c>generator terms</c>), so a new paper changes the pages of papers it is related to and
/// no others.
/// </summary>
public sealed class RelatedPapersTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    private List<string> Related(string slug) =>
        _site.Html($"papers/{slug}/index.html").QuerySelectorAll(".related a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public void A_new_paper_leaves_the_pages_of_papers_it_is_not_related_to_as_they_were()
    {
        // Two groups of papers with no words in common, the newest day fixed.
        _site.Paper("newest", "Tokenizer Benchmarks", "[2026-11-28]", "Tokenizer benchmarks for multilingual corpora.");
        for (var i = 1; i <= 4; i++)
            _site.Paper($"fluid-{i}", $"Turbulence Closure {i}", $"[2026-11-{10 + i}]", "Turbulence closure for Navier-Stokes flows with vorticity.");
        string[] extras = ["dexterous", "suction", "bimanual", "cluttered", "deformable", "teleoperation", "sim2real"];
        for (var i = 1; i <= 7; i++)
            _site.Paper($"robot-{i}", $"Grasping Policies {i}", $"[2026-11-{10 + i}]",
                $"Robotic grasping policies with tactile sensing, {string.Join(' ', extras.Take(i))}.");
        _site.BuildOk();
        var before = FolderSnapshot.Of(Path.Combine(_site.Output, "papers"));

        // Sharing two common words with the robot papers, but far more with the fluid ones.
        _site.Paper("fluid-new", "Turbulence Closure Again", "[2026-11-20]", "Turbulence closure for Navier-Stokes flows with vorticity, again, learned as policies with sensing.");
        _site.BuildOk();

        var changed = before.Differences(FolderSnapshot.Of(Path.Combine(_site.Output, "papers")));
        Assert.Equal(["fluid-1/index.html", "fluid-2/index.html", "fluid-3/index.html", "fluid-4/index.html", "fluid-new/index.html"], changed);
        Assert.Contains("/papers/fluid-new/", Related("fluid-1"));
        Assert.All(Related("robot-1"), href => Assert.StartsWith("/papers/robot-", href));
    }

    [Fact]
    public void The_archives_own_term_table_decides_which_words_tell_papers_apart()
    {
        _site.Paper("a", "Paper A", "[2026-11-20]", "Zorblax quenim methods.");
        _site.Paper("b", "Paper B", "[2026-11-21]", "Zorblax methods.");
        _site.Paper("c", "Paper C", "[2026-11-22]", "Quenim methods.");
        _site.BuildOk();
        Assert.Equal(["/papers/b/", "/papers/c/"], Related("a").Order());

        // A table in which nearly every paper uses "zorblax": it no longer makes two papers alike.
        _site.Write($"content/{TermFrequencies.FileName}", "# made by hand\npapers 100\nzorblax 90\nquenim 3\n");
        _site.BuildOk();

        Assert.Equal(["/papers/c/"], Related("a"));
        Assert.Empty(Related("b"));
    }

    [Fact]
    public void Terms_writes_the_archives_table_and_builds_use_it()
    {
        _site.Paper("a", "Paper A", "[2026-11-20]", "Zorblax quenim methods.");
        _site.Paper("b", "Paper B", "[2026-11-21]", "Zorblax methods.");
        _site.Paper("c", "Paper C", "[2026-11-22]", "Quenim methods.");

        var result = Generator.Run("terms", "--content", _site.Content);

        Assert.True(result.ExitCode == 0, result.ToString());
        var table = File.ReadAllLines(Path.Combine(_site.Content, TermFrequencies.FileName)).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal("papers 3", table[0]);
        Assert.Contains("zorblax 2", table);
        Assert.Contains("quenim 2", table);
        Assert.DoesNotContain(table, line => line.StartsWith("paper ", StringComparison.Ordinal)); // a stop word, though every title has it
        _site.BuildOk();
    }

    [Fact]
    public void A_broken_table_fails_the_build_naming_the_file_and_line()
    {
        _site.Paper("a", "Paper A", "[2026-11-20]");
        _site.Write($"content/{TermFrequencies.FileName}", "papers 10\nzorblax many\n");

        var result = _site.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"{TermFrequencies.FileName}:2: expected a term and a whole number of papers", result.Errors);
    }

    [Theory]
    [InlineData("papers 10\nfoo x\n", 2, "expected a term and a whole number")]
    [InlineData("papers 10\nfoo 20\n", 2, "more than the 10 there are")]
    [InlineData("papers 10\nfoo 2\nfoo 3\n", 3, "counted twice")]
    [InlineData("# a comment\nfoo 2\n", 2, "the first line must be 'papers N'")]
    [InlineData("papers 10\nfoo 0\n", 2, "expected a term and a whole number")]
    public void Each_bad_line_of_a_table_is_named(string text, int line, string message)
    {
        var problems = new List<ContentProblem>();

        Assert.Null(TermFrequencies.Parse("t.txt", text, problems));

        var problem = Assert.Single(problems);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void The_default_table_ships_with_the_generator()
    {
        Assert.Equal(5951, TermFrequencies.Default.Papers);
        Assert.True(TermFrequencies.Default.Count(PaperTrail.Content.TextTokens.Stem("diffusion")) > 100, "a word many trending papers use");
    }
}
