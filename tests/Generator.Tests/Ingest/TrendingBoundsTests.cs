using System.Globalization;
using PaperTrail.Content;
using PaperTrail.Ingest;
using PaperTrail.Tests.Support;
using static PaperTrail.Tests.Ingest.HfAnswers;
using static PaperTrail.Tests.Support.StubHttpServer;

namespace PaperTrail.Tests.Ingest;

/// <summary>
/// A trending day after tomorrow (UTC) or before arXiv began is a broken record: it is refused with
/// its file, line and reason, and the rest go in. One record dated 9999-12-30 used to become the
/// home page, the "last updated" date and the feeds' date.
/// </summary>
public sealed class TrendingBoundsTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Content => _dir["content"];

    public void Dispose() => _dir.Dispose();

    private List<Paper> Papers()
    {
        var problems = new List<ContentProblem>();
        var papers = ArchiveLoader.LoadPapers(Content, problems).Select(f => f.Paper).ToList();
        Assert.Empty(problems);
        return papers;
    }

    /// <summary>The line on which the <paramref name="n"/>-th item (from 0) of an indented answer starts.</summary>
    private static int ItemLine(string json, int n) =>
        json.Split('\n').Select((line, i) => (line, i)).Where(x => x.line == "  {").ElementAt(n).i + 1;

    [Fact]
    public void A_record_dated_9999_among_good_records_is_refused_and_the_good_ones_go_in()
    {
        using var site = new FixtureSite();
        var json = Daily(
            Item("2605.00001", "A Good Paper"),
            Item("2605.00002", "A Paper From The Far Future", day: "9999-12-30"),
            Item("2605.00003", "Another Good Paper"));
        var answer = _dir.Write("day.json", json);

        var ingest = Generator.Run("ingest", answer, "--content", site.Content);

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("ingest: 2 new, 0 updated, 0 unchanged, 1 skipped", ingest.Output);
        Assert.Contains($"day.json:{ItemLine(json, 1)}: skipped: \"A Paper From The Far Future\": its trending day 9999-12-30 is after ", ingest.Errors);
        var problems = new List<ContentProblem>();
        var papers = ArchiveLoader.LoadPapers(site.Content, problems).Select(f => f.Paper).ToList();
        Assert.Equal(["A Good Paper", "Another Good Paper"], papers.Select(p => p.Title).Order());
        Assert.Equal(new DateOnly(2026, 5, 8), papers.SelectMany(p => p.Trending).Max());

        site.BuildOk();
        Assert.False(site.Exists("days/9999-12-30/index.html"));
        Assert.True(site.Exists("days/2026-05-08/index.html"));
    }

    [Fact]
    public void A_day_before_arxiv_began_is_refused_and_its_first_day_taken()
    {
        var answer = _dir.Write("old.json", Daily(
            Item("9108.00001", "On arXiv's First Day", day: "1991-08-14"),
            Item("9108.00002", "Before Any Preprint", day: "1991-08-13")));

        var ingest = Generator.Run("ingest", answer, "--content", Content);

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("1 new, 0 updated, 0 unchanged, 1 skipped", ingest.Output);
        Assert.Contains("its trending day 1991-08-13 is before 1991-08-14, arXiv's first day", ingest.Errors);
        Assert.Equal([new DateOnly(1991, 8, 14)], Papers().Single().Trending);
    }

    /// <summary>The day of the fetch is given to the ingester, so the bound is exact: tomorrow goes in, the day after does not.</summary>
    [Fact]
    public void Tomorrow_is_the_latest_day_of_the_day_the_ingest_runs()
    {
        var answer = _dir.Write("day.json", Daily(
            Item("2605.00001", "Trending Tomorrow In Another Time Zone", day: "2026-05-08"),
            Item("2605.00002", "Trending The Day After Tomorrow", day: "2026-05-09")));
        var output = new StringWriter();
        var errors = new StringWriter();
        var today = new DateOnly(2026, 5, 7);

        var counts = new Ingester(output, errors).Run(new IngestOptions([answer], today, Content, DryRun: false) { Today = today });

        Assert.Equal(new IngestCounts(1, 0, 0, 1), counts);
        Assert.Contains("its trending day 2026-05-09 is after 2026-05-08, tomorrow (UTC): no paper has trended on it yet", errors.ToString());
        Assert.Equal("Trending Tomorrow In Another Time Zone", Papers().Single().Title);
    }

    [Fact]
    public void A_file_whose_every_record_is_out_of_bounds_yields_no_paper_and_is_refused()
    {
        Generator.Run("ingest", _dir.Write("seed.json", Daily(Item("2605.00001", "Already Here"))), "--content", Content);
        var before = FolderSnapshot.Of(Content);
        var answer = _dir.Write("future.json", Daily(Item("2605.00002", "Only The Future", day: "9999-12-30")));

        var ingest = Generator.Run("ingest", answer, "--content", Content);

        Assert.Equal(1, ingest.ExitCode);
        Assert.Contains("9999-12-30", ingest.Errors);
        Assert.Contains("no paper could be read", ingest.Errors);
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
    }

    [Fact]
    public void A_fetched_answer_keeps_its_good_records_and_the_sanity_floor_counts_only_them()
    {
        var items = Enumerable.Range(1, 5).Select(i => Item($"2605.0000{i}", $"Fetched Paper {i}")).Append(Item("2605.00009", "Dated Far Ahead", day: "9999-12-30"));
        using var server = new StubHttpServer(new Answer(200, Daily([.. items]), "application/json"));

        var ingest = Generator.Run("ingest", "--from", "hf-daily", "--date", "2026-05-08", "--hf-base", server.BaseUrl.ToString(), "--content", Content);
        var strict = Generator.Run("ingest", "--from", "hf-daily", "--date", "2026-05-08", "--hf-base", server.BaseUrl.ToString(), "--content", Content, "--min-papers", "6");

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("5 new, 0 updated, 0 unchanged, 1 skipped", ingest.Output);
        Assert.Matches(@"api/daily_papers\?date=2026-05-08:\d+: skipped: ""Dated Far Ahead"": its trending day 9999-12-30", ingest.Errors);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("only 5 papers, fewer than the sanity floor of 6", strict.Errors);
    }

    [Theory]
    [InlineData("9999-12-30", "is after")]
    [InlineData("1991-08-13", "is before 1991-08-14, arXiv's first day")]
    public void A_date_papers_cannot_have_trended_on_is_a_usage_error(string date, string reason)
    {
        var scrape = _dir.Write("scrape.txt", "SubscribeA Paper\nIts abstract.\n");

        var result = Generator.Run("ingest", scrape, "--date", date, "--content", Content);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--date {date} {reason}", result.Errors);
        Assert.False(Directory.Exists(Content));
    }

    [Fact]
    public void Tomorrow_and_arxivs_first_day_are_dates_and_three_days_ahead_is_not()
    {
        var scrape = _dir.Write("scrape.txt", "SubscribeA Paper\nIts abstract.\n");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(0, Generator.Run("ingest", scrape, "--date", Day(today.AddDays(1)), "--content", Content).ExitCode);
        Assert.Equal(0, Generator.Run("ingest", scrape, "--date", "1991-08-14", "--content", Content).ExitCode);
        Assert.Equal(2, Generator.Run("ingest", scrape, "--date", Day(today.AddDays(3)), "--content", Content).ExitCode);
        Assert.Equal([new DateOnly(1991, 8, 14), today.AddDays(1)], Papers().Single().Trending);
    }
}
