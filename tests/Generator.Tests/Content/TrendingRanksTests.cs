using PaperTrail.Content;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Content;

/// <summary>
/// Schema version 2: a paper keeps what its source gave (one-line summary, GitHub stars and the day
/// they were read, organisation) and its rank on each trending day; version-1 files still read.
/// </summary>
public sealed class TrendingRanksTests
{
    private static readonly DateOnly Nov27 = new(2026, 11, 27), Nov28 = new(2026, 11, 28);

    private static Paper Full() => new()
    {
        Title = "Ranked",
        Slug = "ranked",
        Arxiv = "2605.05242",
        Trending = [Nov27, Nov28],
        Ranks = new Dictionary<DateOnly, int> { [Nov28] = 3 },
        AiSummary = "Direct corpus interaction: \"agents\" read raw text.",
        GithubStars = 101,
        GithubStarsAsOf = Nov28,
        Organization = "TIGER-Lab",
        Links = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["hf"] = "https://huggingface.co/papers/2605.05242" },
        Abstract = "Body.",
    };

    private static Paper Read(string text)
    {
        var problems = new List<ContentProblem>();
        var paper = PaperReader.Read("p.md", text, problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return paper!;
    }

    [Fact]
    public void The_writer_puts_a_rank_beside_its_day_and_leaves_a_day_without_one_bare()
    {
        var text = PaperWriter.Write(Full());
        Assert.Contains("\ntrending: [2026-11-27, {day: 2026-11-28, rank: 3}]\n", text);
        Assert.Contains("\nai_summary: \"Direct corpus interaction: \\\"agents\\\" read raw text.\"\n", text);
        Assert.Contains("\ngithub_stars: 101\ngithub_stars_as_of: 2026-11-28\norganization: \"TIGER-Lab\"\n", text);
    }

    [Fact]
    public void Every_new_field_round_trips_through_the_fast_reader_and_through_YamlDotNet()
    {
        var text = PaperWriter.Write(Full());
        // A comment is outside the fast reader's shape: the same file then goes through YamlDotNet.
        var viaYamlDotNet = text.Replace("\nslug: ranked\n", "\nslug: ranked # a person's note\n");
        Assert.NotNull(SimpleFrontMatter.TryParse(FrontMatterDocument.Split("p.md", text, out _)!.Yaml));
        Assert.Null(SimpleFrontMatter.TryParse(FrontMatterDocument.Split("p.md", viaYamlDotNet, out _)!.Yaml));
        foreach (var read in new[] { Read(text), Read(viaYamlDotNet) })
        {
            Assert.Equal([Nov27, Nov28], read.Trending);
            Assert.Null(read.Rank(Nov27));
            Assert.Equal(3, read.Rank(Nov28));
            Assert.Equal("Direct corpus interaction: \"agents\" read raw text.", read.AiSummary);
            Assert.Equal(101, read.GithubStars);
            Assert.Equal(Nov28, read.GithubStarsAsOf);
            Assert.Equal("TIGER-Lab", read.Organization);
            Assert.Equal("https://huggingface.co/papers/2605.05242", read.Links["hf"]);
            Assert.Equal(text, PaperWriter.Write(read));
        }
    }

    [Fact]
    public void A_version_1_list_of_days_reads_as_days_without_ranks()
    {
        var paper = Read("---\ntitle: \"Old\"\nslug: old\ntrending: [2026-11-28, 2026-11-27]\n---\nBody.\n");
        Assert.Equal([Nov27, Nov28], paper.Trending);
        Assert.Empty(paper.Ranks);
        Assert.Null(paper.AiSummary);
        Assert.Null(paper.GithubStars);
    }

    [Theory]
    [InlineData("[{day: 2026-11-28, rank: 0}]", "'trending.rank' has '0', which is not a whole number of 1 or more")]
    [InlineData("[{day: 2026-11-28, place: 3}]", "unknown key 'place' in 'trending'")]
    [InlineData("[{rank: 3}]", "has no 'day'")]
    [InlineData("[{day: 2026-11-28, rank: 3}, {day: 2026-11-28, rank: 4}]", "gives 2026-11-28 two ranks, 3 and 4")]
    [InlineData("[{day: 28.11.2026, rank: 3}]", "'trending.day' has '28.11.2026', which is not a date")]
    public void A_wrong_trending_item_is_a_problem_on_its_line(string trending, string message)
    {
        var problems = new List<ContentProblem>();
        var paper = PaperReader.Read("p.md", $"---\ntitle: \"A\"\nslug: a\ntrending: {trending}\n---\nBody.\n", problems);
        Assert.Null(paper);
        var problem = Assert.Single(problems);
        Assert.Equal(4, problem.Line);
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void A_version_1_archive_still_builds()
    {
        using var site = new FixtureSite("schema_version: 1\ntitle: Old Archive\nbase_url: https://example.org/\n")
            .Paper("first", "First Paper", "[2026-11-27, 2026-11-28]", extra: "upvotes: 5")
            .Paper("second", "Second Paper", "[2026-11-28]", extra: "upvotes: 9\nlinks:\n  code: \"https://github.com/x/y\"");
        site.BuildOk();
        var day = site.Html("days/2026-11-28/index.html");
        Assert.Equal(["Second Paper", "First Paper"], day.QuerySelectorAll("main h2 a, main h3 a").Select(a => a.TextContent.Trim()).Where(t => t.EndsWith("Paper", StringComparison.Ordinal)));
        Assert.True(site.Exists("papers/first/index.html"));
    }

    [Fact]
    public void An_archive_newer_than_version_2_is_refused()
    {
        using var site = new FixtureSite("schema_version: 3\ntitle: Future\nbase_url: https://example.org/\n")
            .Paper("first", "First Paper", "[2026-11-27]");
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("schema version 3, newer than the 2 this generator knows", result.Errors);
    }
}
