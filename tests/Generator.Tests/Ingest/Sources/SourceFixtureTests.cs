using PaperTrail.Content;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Ingest.Sources;

/// <summary>Every real capture in shared/fixtures ingests to the papers it shows, with their fields.</summary>
public sealed class SourceFixtureTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Content => _dir["content"];

    public void Dispose() => _dir.Dispose();

    private static string Fixture(string path) => Path.Combine(Repo.Fixtures, path);

    private Generator.Result Ingest(string file, params string[] extra) =>
        Generator.Run(["ingest", file, "--content", Content, "--date", "2026-11-28", .. extra]);

    private Dictionary<string, Paper> Papers()
    {
        var problems = new List<ContentProblem>();
        var papers = ArchiveLoader.LoadPapers(Content, problems).Select(f => f.Paper).ToDictionary(p => p.Arxiv ?? p.Title);
        Assert.Empty(problems);
        return papers;
    }

    [Theory]
    [InlineData("hf-html/daily-list_2024-08-01_raw.html", 13)]
    [InlineData("hf-html/paper-page_2509.24002_prettified.html", 1)]
    [InlineData("hf-json/api-daily_papers_2026-05-08_trimmed.json", 3)]
    [InlineData("hf-json/page-props_DailyPapers_2024-08-01.json", 13)]
    [InlineData("hf-json/page-props_PaperContent_2509.24002.json", 1)]
    [InlineData("arxiv-atom/api-query_legacy-format_cat-cs.RO_2025-10-17.xml", 2)]
    [InlineData("arxiv-atom/api-query_new-format_cat-cs.CL_2026-05-11.xml", 2)]
    public void Each_fixture_ingests_to_its_papers_and_again_changes_no_byte(string fixture, int papers)
    {
        var first = Ingest(Fixture(fixture));
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"{papers} new, 0 updated, 0 unchanged, 0 skipped", first.Output);
        Assert.All(Papers().Values, p => Assert.NotNull(p.Arxiv));
        var before = FolderSnapshot.Of(Content);

        var again = Ingest(Fixture(fixture));

        Assert.Contains($"0 new, 0 updated, {papers} unchanged", again.Output);
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
    }

    [Fact]
    public void The_daily_list_page_reads_its_embedded_json_with_abstracts_and_the_list_date()
    {
        Generator.Run("ingest", Fixture("hf-html/daily-list_2024-08-01_raw.html"), "--content", Content, "--date", "2026-11-30");
        var llama = Papers()["2407.21783"];
        Assert.Equal("The Llama 3 Herd of Models", llama.Title);
        Assert.Equal([new DateOnly(2024, 8, 1)], llama.Trending);
        Assert.Equal(new DateOnly(2024, 7, 31), llama.Published);
        Assert.True(llama.Abstract.Length > 200);
        Assert.NotEmpty(llama.Authors);
        Assert.NotNull(llama.Upvotes);
    }

    [Fact]
    public void The_paper_page_gives_authors_links_upvotes_and_comments()
    {
        Ingest(Fixture("hf-html/paper-page_2509.24002_prettified.html"));
        var paper = Papers()["2509.24002"];
        Assert.StartsWith("MCPMark: A Benchmark for Stress-Testing", paper.Title);
        Assert.Equal("Zijian Wu", paper.Authors[0]);
        Assert.Equal(new DateOnly(2025, 9, 28), paper.Published);
        Assert.Equal(new DateOnly(2025, 10, 1), paper.Trending[0]);
        Assert.Equal("https://github.com/eval-sys/mcpmark", paper.Links["code"]);
        Assert.Equal("https://mcpmark.ai/", paper.Links["project"]);
        Assert.Equal(118, paper.Upvotes);
        Assert.Equal(2, paper.Comments);
    }

    [Fact]
    public void The_daily_api_answer_takes_the_trending_day_from_submitted_on_daily_at()
    {
        Ingest(Fixture("hf-json/api-daily_papers_2026-05-08_trimmed.json"));
        var paper = Papers()["2605.05242"];
        Assert.Equal([new DateOnly(2026, 5, 8)], paper.Trending);
        Assert.Equal(new DateOnly(2026, 5, 3), paper.Published);
        Assert.Equal(86, paper.Upvotes);
        Assert.Equal(3, paper.Comments);
        Assert.Equal("https://github.com/DCI-Agent/DCI-Agent-Lite", paper.Links["code"]);
    }

    [Theory]
    [InlineData("arxiv-atom/api-query_legacy-format_cat-cs.RO_2025-10-17.xml", "2510.14968", "RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks", "cs.RO")]
    [InlineData("arxiv-atom/api-query_new-format_cat-cs.CL_2026-05-11.xml", "2605.08083", "LLMs Improving LLMs: Agentic Discovery for Test-Time Scaling", "cs.CL")]
    public void Arxiv_answers_lose_version_and_wrapping_and_keep_categories(string fixture, string id, string title, string primary)
    {
        Ingest(Fixture(fixture));
        var paper = Papers()[id];
        Assert.Equal(title, paper.Title);
        Assert.Equal(primary, paper.Categories[0]);
        Assert.DoesNotContain('\n', paper.Abstract);
        Assert.Equal([new DateOnly(2026, 11, 28)], paper.Trending);
        Assert.NotEmpty(paper.Authors);
    }

    [Fact]
    public void The_zero_result_arxiv_answer_is_refused_and_changes_nothing()
    {
        Ingest(Fixture("arxiv-atom/api-query_new-format_cat-cs.CL_2026-05-11.xml"));
        var before = FolderSnapshot.Of(Content);

        var result = Ingest(Fixture("arxiv-atom/api-query_legacy-format_zero-results.xml"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("zero-results.xml", result.Errors);
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
    }

    [Fact]
    public void Without_embedded_json_the_list_page_falls_back_to_its_cards()
    {
        var html = File.ReadAllText(Fixture("hf-html/daily-list_2024-08-01_raw.html")).Replace("data-props=", "data-gone=");
        var result = Ingest(_dir.Write("list.html", html));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("13 new", result.Output);
        Assert.Equal("The Llama 3 Herd of Models", Papers()["2407.21783"].Title);
    }

    [Fact]
    public void A_page_whose_structure_changed_is_refused_and_changes_nothing()
    {
        var result = Ingest(_dir.Write("changed.html", "<!DOCTYPE html><html><body><div class=\"new-layout\">Papers</div></body></html>"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("page structure changed", result.Errors);
        Assert.False(Directory.Exists(Content));
    }

    [Fact]
    public void The_source_can_be_named_and_a_wrong_name_is_an_error()
    {
        Assert.Equal(0, Ingest(Fixture("hf-json/page-props_PaperContent_2509.24002.json"), "--source", "hf-json").ExitCode);
        var wrong = Ingest(Fixture("hf-json/page-props_PaperContent_2509.24002.json"), "--source", "rss");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("unknown source 'rss'", wrong.Errors);
    }
}
