using System.Diagnostics;
using System.Globalization;
using System.Text;
using PaperTrail.Content;
using PaperTrail.Ingest.Web;
using PaperTrail.Tests.Support;
using static PaperTrail.Tests.Support.StubHttpServer;

namespace PaperTrail.Tests.Ingest.Web;

/// <summary>
/// The arXiv searches of site.yml fetched for one announcement day, against a local server: pages
/// until the day's window is passed, one request every 3 seconds (on a clock of the test's own, so
/// nothing sleeps), papers dated their announcement day; a weekend or a day with no announcement is
/// an empty night (exit 0, nothing written, a line saying why), a thin answer fails on its floor.
/// </summary>
public sealed class ArxivFetchTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Content => _dir["content"];

    private static readonly string CsRo = File.ReadAllText(Path.Combine(Repo.Fixtures, "arxiv-atom", "api-query_legacy-format_cat-cs.RO_2025-10-17.xml"));
    private static readonly string ZeroResults = File.ReadAllText(Path.Combine(Repo.Fixtures, "arxiv-atom", "api-query_legacy-format_zero-results.xml"));

    public ArxivFetchTests()
    {
        // Something already archived, so "nothing written" means something.
        var seed = _dir.Write("seed.txt", "A Paper Already Here\nIts abstract.\n");
        Generator.Run("ingest", seed, "--content", Content, "--date", "2025-10-10");
    }

    public void Dispose() => _dir.Dispose();

    private void Sources(string sources) =>
        _dir.Write("content/site.yml", $"title: T\nbase_url: https://robots.example.org/archive/\ncontact: keeper@robots.example.org\nsources:\n{sources}");

    private Generator.Result Nightly(StubHttpServer server, string day) =>
        Generator.Run("ingest", "--scheduled", "--content", Content, "--date", day, "--arxiv-base", server.BaseUrl.ToString(),
            "--retries", "0", "--timeout", "5");

    [Fact]
    public void A_captured_category_answer_gives_its_papers_on_their_announcement_day()
    {
        Sources("  - arxiv: { categories: [cs.RO], floor: 2 }\n");
        using var server = new StubHttpServer(new Answer(200, CsRo, "application/atom+xml"));

        var result = Nightly(server, "2025-10-17");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ingest: arxiv cs.RO: 2 papers announced 2025-10-17", result.Output);
        Assert.Contains("ingest: 2 new, 0 updated", result.Output);
        var (_, requestLine, agent) = Assert.Single(server.Requests); // a short page is the last
        Assert.StartsWith("GET /api/query?search_query=cat%3Acs.RO&sortBy=submittedDate&sortOrder=descending&start=0&max_results=200 ", requestLine);
        Assert.Contains("https://robots.example.org/archive/", agent);
        Assert.Contains("mailto:keeper@robots.example.org", agent);
        var papers = ArchiveLoader.LoadPapers(Content, []).Where(f => f.Paper.Arxiv is not null).ToList();
        Assert.Equal(["2510.14968", "2510.14827"], papers.Select(f => f.Paper.Arxiv!).OrderDescending(StringComparer.Ordinal));
        Assert.All(papers, f => Assert.Equal([new DateOnly(2025, 10, 17)], f.Paper.Trending));
    }

    [Theory]
    [InlineData("2025-10-18", "no arXiv announcement is dated Saturday 2025-10-18")]
    [InlineData("2025-10-19", "no arXiv announcement is dated Sunday 2025-10-19")]
    public void A_weekend_is_an_empty_night_nothing_asked_nothing_written_and_a_line_says_why(string day, string why)
    {
        Sources("  - arxiv: { categories: [cs.RO], floor: 5 }\n");
        using var server = new StubHttpServer(new Answer(200, ZeroResults, "application/atom+xml"));
        var before = FolderSnapshot.Of(Content);

        var result = Nightly(server, day);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"ingest: arxiv cs.RO: {why} (arXiv announces nothing on Friday and Saturday evenings, US Eastern time): an empty night, nothing to add", result.Output);
        Assert.Contains("ingest: 0 new, 0 updated, 0 unchanged, 0 skipped", result.Output);
        Assert.Empty(server.Requests);
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
    }

    [Fact]
    public void A_weekday_whose_announcement_is_not_out_is_an_empty_night_whatever_the_floor()
    {
        Sources("  - arxiv: { categories: [cs.RO], floor: 5 }\n");
        using var server = new StubHttpServer(new Answer(200, CsRo, "application/atom+xml"));
        var before = FolderSnapshot.Of(Content);

        var result = Nightly(server, "2025-10-20"); // a Monday; the answer's newest paper was announced the Friday before

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ingest: arxiv cs.RO: arXiv has announced nothing dated Monday 2025-10-20 yet: the newest paper of the answer was announced 2025-10-17", result.Output);
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
    }

    [Fact]
    public void Fewer_papers_than_the_floor_on_an_announcement_day_fail_and_write_nothing()
    {
        Sources("  - arxiv: { categories: [cs.RO], floor: 5 }\n");
        using var server = new StubHttpServer(new Answer(200, CsRo, "application/atom+xml"));
        var before = FolderSnapshot.Of(Content);

        var result = Nightly(server, "2025-10-17");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("arxiv cs.RO: only 2 papers announced 2025-10-17, fewer than the floor of 5 site.yml sets", result.Errors);
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    public void A_zero_result_answer_is_a_quiet_day_for_a_floor_of_0_and_a_failure_above(int floor, int exit)
    {
        Sources($"  - arxiv: {{ terms: [\"nonexistentquery\"], floor: {floor} }}\n");
        using var server = new StubHttpServer(new Answer(200, ZeroResults, "application/atom+xml"));
        var before = FolderSnapshot.Of(Content);

        var result = Nightly(server, "2025-10-17");

        Assert.True(result.ExitCode == exit, result.ToString());
        Assert.Single(server.Requests);
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
        if (exit == 0) Assert.Contains("ingest: arxiv terms \"nonexistentquery\": 0 papers announced 2025-10-17", result.Output);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><h1>503</h1></body></html>", "not an arXiv API answer")]
    [InlineData("""
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>ArXiv Query: search_query=cat:cs.XX</title>
          <id>http://arxiv.org/api/query</id>
          <entry>
            <id>http://arxiv.org/api/errors#malformed_query</id>
            <title>Error</title>
            <summary>malformed query: &lt;b&gt;cat:cs.XX&lt;/b&gt;</summary>
          </entry>
        </feed>
        """, "arXiv answered with an error: malformed query: <b>cat:cs.XX</b>; nothing was written")]
    public void A_broken_or_error_answer_fails_and_writes_nothing(string body, string message)
    {
        Sources("  - arxiv: { categories: [cs.RO] }\n");
        using var server = new StubHttpServer(new Answer(200, body, "application/atom+xml"));
        var before = FolderSnapshot.Of(Content);

        var result = Nightly(server, "2025-10-17");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Errors);
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
    }

    // --- paging and pace, in-process with a clock of the test's own ---

    private static readonly DateOnly Friday = new(2026, 12, 11); // announces 2026-12-09 19:00Z to 2026-12-10 19:00Z

    private static int _ids;

    /// <summary>An answer in the API's shape, one entry per submission time.</summary>
    private static string Feed(params string[] submitted)
    {
        var feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title>ArXiv Query: cat:cs.RO</title>\n  <id>http://arxiv.org/api/q</id>\n");
        foreach (var at in submitted)
        {
            var n = Interlocked.Increment(ref _ids);
            feed.Append(CultureInfo.InvariantCulture, $"  <entry><id>http://arxiv.org/abs/2612.{n:00000}v1</id><published>{at}</published><title>Paper Submitted {at}</title><summary>An abstract.</summary><author><name>Ann Lee</name></author></entry>\n");
        }
        return feed.Append("</feed>\n").ToString();
    }

    private sealed class FakeClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan span) => _now += span;
    }

    /// <summary>Notes the clock's time of each request that reaches the network.</summary>
    private sealed class Recorder(FakeClock clock) : DelegatingHandler(new SocketsHttpHandler())
    {
        public List<DateTimeOffset> Sent { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
        {
            lock (Sent) Sent.Add(clock.GetUtcNow());
            return base.SendAsync(request, cancel);
        }
    }

    private static (ArxivNight Night, List<DateTimeOffset> Sent, TimeSpan Waited) Fetch(StubHttpServer server, DateOnly day, int pageSize, FetchSettings? settings = null)
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 12, 11, 6, 17, 0, TimeSpan.Zero));
        var waited = TimeSpan.Zero;
        var pacer = new RequestPacer(RequestPacer.ArxivInterval, clock, (span, _) => { waited += span; clock.Advance(span); return Task.CompletedTask; });
        using var recorder = new Recorder(clock);
        using var fetcher = new PaperFetcher(settings ?? new FetchSettings { Retries = 0 }, TextWriter.Null, recorder, pacer);
        var night = new ArxivFetcher(fetcher, server.BaseUrl, TextWriter.Null, pageSize).Fetch(new ArxivSearch { Categories = ["cs.RO"] }, day);
        return (night, recorder.Sent, waited);
    }

    private static string Start(string requestLine) => requestLine.Split("&start=")[1].Split('&')[0];

    [Fact]
    public void Pages_are_asked_until_one_reaches_back_past_the_window()
    {
        using var server = new StubHttpServer(
            new Answer(200, Feed("2026-12-10T18:30:00Z", "2026-12-10T10:00:00Z")),
            new Answer(200, Feed("2026-12-09T20:00:00Z", "2026-12-09T18:59:00Z")), // the last one is Thursday's: enough
            new Answer(200, Feed("2026-12-09T10:00:00Z", "2026-12-09T09:00:00Z")));

        var (night, _, _) = Fetch(server, Friday, pageSize: 2);

        Assert.Equal(["0", "2"], server.Requests.Select(r => Start(r.RequestLine)));
        Assert.Null(night.EmptyBecause);
        Assert.Equal(["Paper Submitted 2026-12-10T18:30:00Z", "Paper Submitted 2026-12-10T10:00:00Z", "Paper Submitted 2026-12-09T20:00:00Z"],
            night.Result.Papers.Select(p => p.Title));
        Assert.All(night.Result.Papers, p => Assert.Equal(Friday, p.Trending));
    }

    [Fact]
    public void For_an_earlier_day_the_newer_pages_are_passed_over()
    {
        using var server = new StubHttpServer(
            new Answer(200, Feed("2026-12-11T15:00:00Z", "2026-12-11T12:00:00Z")), // Monday's
            new Answer(200, Feed("2026-12-10T20:00:00Z", "2026-12-10T18:00:00Z")), // Monday's, then Friday's
            new Answer(200, Feed("2026-12-09T12:00:00Z")));                        // Thursday's, a short page

        var (night, _, _) = Fetch(server, Friday, pageSize: 2);

        Assert.Equal(["0", "2", "4"], server.Requests.Select(r => Start(r.RequestLine)));
        Assert.Equal(["Paper Submitted 2026-12-10T18:00:00Z"], night.Result.Papers.Select(p => p.Title));
    }

    [Fact]
    public void Requests_are_three_seconds_apart_retries_included_and_nothing_sleeps()
    {
        using var server = new StubHttpServer(
            new Answer(200, Feed("2026-12-10T18:30:00Z", "2026-12-10T18:00:00Z")),
            new Answer(503, "busy"),
            new Answer(200, Feed("2026-12-10T17:00:00Z", "2026-12-10T16:00:00Z")),
            new Answer(200, Feed("2026-12-09T12:00:00Z", "2026-12-09T11:00:00Z")));
        var wall = Stopwatch.StartNew();

        var (night, sent, waited) = Fetch(server, Friday, pageSize: 2, new FetchSettings { Retries = 1, BaseDelay = TimeSpan.FromMilliseconds(1) });

        Assert.Equal(4, sent.Count);
        Assert.Equal(4, night.Result.Papers.Count);
        Assert.All(sent.Zip(sent.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(3), $"{pair.First:HH:mm:ss.fff} then {pair.Second:HH:mm:ss.fff}"));
        Assert.True(waited >= TimeSpan.FromSeconds(9), $"waited {waited}");
        // Sleeping through the waits would take 9 s at least; four local requests take far less, even on busy cores.
        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(9), $"took {wall.Elapsed} of real time");
    }

    [Fact]
    public void A_source_that_never_reaches_back_to_the_window_is_refused_after_the_last_page()
    {
        using var server = new StubHttpServer(new Answer(200, Feed("2026-12-11T15:00:00Z", "2026-12-11T12:00:00Z")));

        var e = Assert.Throws<PaperTrail.Errors.UserError>(() => Fetch(server, Friday, pageSize: 2));

        Assert.Equal(ArxivFetcher.MaxPages, server.Requests.Count);
        Assert.Contains("narrow the source in site.yml; nothing was written", e.Message);
    }

    [Fact]
    public void The_user_agent_says_whose_archive_asks_and_how_to_reach_them()
    {
        var agent = FetchSettings.UserAgentFor(new SiteConfig { BaseUrl = new Uri("https://robots.example.org/"), Contact = "keeper@robots.example.org" });

        Assert.Equal("PaperTrail/1.0 (+https://robots.example.org/; mailto:keeper@robots.example.org; static archive of research papers)", agent);
        using var client = new HttpClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(agent); // a valid header, or this throws
    }
}
