using PaperTrail.Content;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Ingest.Sources;

/// <summary>
/// What Hugging Face gives beyond title and abstract is kept from the real captures: the one-line
/// summary, GitHub stars dated with the trending day (never the clock), the organisation, the
/// comment count, the paper's Hugging Face page, and the paper's rank that day.
/// </summary>
public sealed class SourceFieldsTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Content => _dir["content"];

    public void Dispose() => _dir.Dispose();

    private Dictionary<string, Paper> Ingest(string fixture)
    {
        var result = Generator.Run("ingest", Path.Combine(Repo.Fixtures, fixture), "--content", Content, "--date", "2026-11-28");
        Assert.True(result.ExitCode == 0, result.ToString());
        var problems = new List<ContentProblem>();
        var papers = ArchiveLoader.LoadPapers(Content, problems).Select(f => f.Paper).ToDictionary(p => p.Arxiv!);
        Assert.Empty(problems);
        return papers;
    }

    [Fact]
    public void The_daily_api_answer_keeps_summary_stars_organisation_comments_hf_page_and_its_order_as_rank()
    {
        var papers = Ingest("hf-json/api-daily_papers_2026-05-08_trimmed.json");
        var day = new DateOnly(2026, 5, 8);

        var dci = papers["2605.05242"];
        Assert.StartsWith("Direct corpus interaction enables more effective agentic search", dci.AiSummary);
        Assert.Equal(101, dci.GithubStars);
        Assert.Equal(day, dci.GithubStarsAsOf); // the trending day the answer is of, not today's date
        Assert.Equal("TIGER-Lab", dci.Organization);
        Assert.Equal(3, dci.Comments);
        Assert.Equal("https://huggingface.co/papers/2605.05242", dci.Links["hf"]);

        // The answer's order is the day's order.
        Assert.Equal([1, 2, 3], new[] { "2605.05242", "2605.06548", "2605.06130" }.Select(id => papers[id].Rank(day)));
        Assert.Equal("ByteDance Seed", papers["2605.06548"].Organization);
        // A paper the answer gives no stars or organisation has none: nothing is made up.
        Assert.Null(papers["2605.06130"].GithubStars);
        Assert.Null(papers["2605.06130"].GithubStarsAsOf);
        Assert.Null(papers["2605.06130"].Organization);
    }

    [Theory]
    [InlineData("hf-json/page-props_PaperContent_2509.24002.json")]
    [InlineData("hf-html/paper-page_2509.24002_prettified.html")]
    public void A_paper_page_gives_its_rank_of_the_day_stars_and_submitting_organisation(string fixture)
    {
        var paper = Ingest(fixture)["2509.24002"];
        var day = new DateOnly(2025, 10, 1);
        Assert.Equal([day], paper.Trending);
        Assert.Equal(1, paper.Rank(day)); // dailyPaperRank
        Assert.Equal(182, paper.GithubStars);
        Assert.Equal(day, paper.GithubStarsAsOf);
        Assert.Equal("National University of Singapore", paper.Organization);
        Assert.StartsWith("MCPMark is a comprehensive benchmark", paper.AiSummary);
        Assert.Equal("https://huggingface.co/papers/2509.24002", paper.Links["hf"]);
    }

    [Fact]
    public void The_2024_list_page_ranks_its_13_papers_in_the_order_it_shows_them()
    {
        var papers = Ingest("hf-html/daily-list_2024-08-01_raw.html");
        var day = new DateOnly(2024, 8, 1);
        var order = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Fixtures, "hf-json/page-props_DailyPapers_2024-08-01.json")))
            .RootElement.GetProperty("dailyPapers").EnumerateArray().Select(i => i.GetProperty("paper").GetProperty("id").GetString()!).ToList();
        Assert.Equal(13, order.Count);
        Assert.Equal(Enumerable.Range(1, 13).Select(n => (int?)n), order.Select(id => papers[id].Rank(day)));
        // The 2024 layout had no summaries or stars.
        Assert.All(papers.Values, p => Assert.Null(p.AiSummary));
    }

    [Fact]
    public void Arxiv_answers_are_no_trending_list_and_give_no_hf_page()
    {
        var papers = Ingest("arxiv-atom/api-query_new-format_cat-cs.CL_2026-05-11.xml");
        Assert.All(papers.Values, p => Assert.Empty(p.Ranks));
        Assert.All(papers.Values, p => Assert.False(p.Links.ContainsKey("hf")));
    }
}
