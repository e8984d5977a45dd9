using System.Diagnostics;
using PaperTrail.Content;
using PaperTrail.Tests.Support;
using static PaperTrail.Tests.Support.StubHttpServer;

namespace PaperTrail.Tests.Ingest.Web;

/// <summary>
/// ingest from the web against a misbehaving local server: it retries what is worth retrying,
/// honours Retry-After, and when the answer never comes or is broken it exits non-zero and the
/// archive is untouched.
/// </summary>
public sealed class FetchTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Content => _dir["content"];

    private static string Fixture(string path) => File.ReadAllText(Path.Combine(Repo.Fixtures, path));
    private static readonly string TrendingPage = Fixture("hf-html/daily-list_2024-08-01_raw.html");
    private static readonly string DailyJson = Fixture("hf-json/api-daily_papers_2026-05-08_trimmed.json");

    public FetchTests()
    {
        // Something already archived, so "untouched" means something.
        var seed = _dir.Write("seed.txt", "A Paper Already Here\nIts abstract.\n");
        Generator.Run("ingest", seed, "--content", Content, "--date", "2026-11-27");
    }

    public void Dispose() => _dir.Dispose();

    private Generator.Result Ingest(StubHttpServer server, params string[] args) =>
        Generator.Run(["ingest", .. args, "--content", Content, "--hf-base", server.BaseUrl.ToString(),
            "--retry-delay", "0.05", "--timeout", "2", "--retries", "3"]);

    private void AssertUntouched(FolderSnapshot before, Generator.Result result)
    {
        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
    }

    [Fact]
    public void Trending_is_fetched_with_a_descriptive_user_agent_and_merged()
    {
        using var server = new StubHttpServer(new Answer(200, TrendingPage));

        var result = Ingest(server, "--from", "hf-trending");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("13 new", result.Output);
        var (_, requestLine, agent) = Assert.Single(server.Requests);
        Assert.StartsWith("GET /papers/trending ", requestLine);
        Assert.StartsWith("PaperTrail/", agent);
    }

    [Fact]
    public void Daily_asks_for_the_given_date()
    {
        using var server = new StubHttpServer(new Answer(200, DailyJson, "application/json"));
        var result = Ingest(server, "--from", "hf-daily", "--date", "2026-05-08", "--min-papers", "3");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("GET /api/daily_papers?date=2026-05-08 ", server.Requests[0].RequestLine);
        Assert.Contains("3 new", result.Output);
    }

    [Fact]
    public void Server_errors_then_success_are_retried()
    {
        using var server = new StubHttpServer(new Answer(503, "busy"), new Answer(500, "oops"), new Answer(200, TrendingPage));
        var result = Ingest(server, "--from", "hf-trending");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("retrying", result.Errors);
    }

    [Fact]
    public void Too_many_requests_waits_as_long_as_retry_after_says()
    {
        using var server = new StubHttpServer(
            new Answer(429, "slow down", Headers: new Dictionary<string, string> { ["Retry-After"] = "1" }),
            new Answer(200, TrendingPage));
        var result = Ingest(server, "--from", "hf-trending");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, server.Requests.Count);
        Assert.True(server.Requests[1].At - server.Requests[0].At >= TimeSpan.FromSeconds(0.95), "waited less than Retry-After");
    }

    [Fact]
    public void Connection_resets_are_retried()
    {
        using var server = new StubHttpServer(new Reset(), new Reset(), new Answer(200, TrendingPage));
        var result = Ingest(server, "--from", "hf-trending");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public void A_server_that_never_answers_times_out_and_changes_nothing()
    {
        using var server = new StubHttpServer(new Hang());
        var before = FolderSnapshot.Of(Content);
        var clock = Stopwatch.StartNew();

        var result = Generator.Run("ingest", "--from", "hf-trending", "--content", Content, "--hf-base", server.BaseUrl.ToString(),
            "--retry-delay", "0.05", "--timeout", "1", "--retries", "1");

        AssertUntouched(before, result);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains("could not fetch after 2 attempts", result.Errors);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Persistent_server_errors_fail_and_change_nothing()
    {
        using var server = new StubHttpServer(new Answer(502, "bad gateway"));
        var before = FolderSnapshot.Of(Content);
        var result = Ingest(server, "--from", "hf-trending");
        AssertUntouched(before, result);
        Assert.Equal(4, server.Requests.Count);
        Assert.Contains("HTTP 502", result.Errors);
    }

    [Fact]
    public void No_retries_means_one_attempt_and_a_clear_failure()
    {
        using var server = new StubHttpServer(new Answer(503, "busy"), new Answer(200, TrendingPage));
        var before = FolderSnapshot.Of(Content);
        var result = Generator.Run("ingest", "--from", "hf-trending", "--content", Content, "--hf-base", server.BaseUrl.ToString(), "--retries", "0");
        Assert.Equal(1, result.ExitCode); // used to be exit 70: Polly refuses a retry strategy of zero retries
        Assert.Contains("HTTP 503", result.Errors);
        Assert.Single(server.Requests);
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
    }

    [Fact]
    public void A_client_error_is_not_retried()
    {
        using var server = new StubHttpServer(new Answer(404, "not here"));
        var before = FolderSnapshot.Of(Content);
        var result = Ingest(server, "--from", "hf-trending");
        AssertUntouched(before, result);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void A_truncated_answer_changes_nothing()
    {
        using var server = new StubHttpServer(new Truncated(DailyJson[..(DailyJson.Length / 2)], DailyJson.Length));
        var before = FolderSnapshot.Of(Content);
        var result = Ingest(server, "--from", "hf-daily", "--date", "2026-05-08");
        AssertUntouched(before, result);
    }

    [Fact]
    public void A_truncated_but_complete_looking_json_answer_changes_nothing()
    {
        using var server = new StubHttpServer(new Answer(200, DailyJson[..(DailyJson.Length / 2)], "application/json"));
        var before = FolderSnapshot.Of(Content);
        var result = Ingest(server, "--from", "hf-daily", "--date", "2026-05-08");
        AssertUntouched(before, result);
        Assert.Contains("not valid JSON", result.Errors);
    }

    [Fact]
    public void A_non_html_answer_for_trending_changes_nothing()
    {
        using var server = new StubHttpServer(new AnswerBytes(200, [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0], "image/png"));
        var before = FolderSnapshot.Of(Content);
        var result = Ingest(server, "--from", "hf-trending");
        AssertUntouched(before, result);
        Assert.Contains("page structure changed", result.Errors);
    }

    [Fact]
    public void Fewer_papers_than_the_sanity_floor_is_an_error()
    {
        using var server = new StubHttpServer(new Answer(200, DailyJson, "application/json"));
        var before = FolderSnapshot.Of(Content);
        var result = Ingest(server, "--from", "hf-daily", "--date", "2026-05-08"); // 3 papers, floor 5
        AssertUntouched(before, result);
        Assert.Contains("fewer than the sanity floor of 5", result.Errors);
    }

    [Fact]
    public void A_plain_address_is_fetched_and_its_kind_detected()
    {
        using var server = new StubHttpServer(new Answer(200, DailyJson, "application/json"));
        var result = Generator.Run("ingest", new Uri(server.BaseUrl, "anything.json").ToString(), "--content", Content);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("3 new", result.Output);
        var problems = new List<ContentProblem>();
        Assert.Equal(4, ArchiveLoader.LoadPapers(Content, problems).Count);
    }
}
