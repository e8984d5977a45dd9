using PaperTrail.Tests.Support;
using static PaperTrail.Tests.Support.StubHttpServer;

namespace PaperTrail.Tests.Ingest.Web;

/// <summary>
/// A server's redirect is followed only to another http(s) address: one to <c>file:///…</c>, to any
/// other scheme, or round in a loop is an error naming the address and where it led (exit 1), and the
/// archive is untouched. A plain redirect within the web still works.
/// </summary>
public sealed class RedirectTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Content => _dir["content"];
    private static readonly string TrendingPage = File.ReadAllText(Path.Combine(Repo.Fixtures, "hf-html/daily-list_2024-08-01_raw.html"));

    public RedirectTests()
    {
        var seed = _dir.Write("seed.txt", "A Paper Already Here\nIts abstract.\n");
        Assert.Equal(0, Generator.Run("ingest", seed, "--content", Content, "--date", "2026-11-27").ExitCode);
    }

    public void Dispose() => _dir.Dispose();

    private static Answer RedirectTo(string location, int status = 302) =>
        new(status, "", Headers: new Dictionary<string, string> { ["Location"] = location });

    private Generator.Result Ingest(StubHttpServer server, string path = "papers/trending") =>
        Generator.Run("ingest", new Uri(server.BaseUrl, path).ToString(), "--content", Content, "--retries", "0", "--timeout", "5");

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("file:///C:/Windows/win.ini")]
    [InlineData("ftp://127.0.0.1/papers")]
    [InlineData("gopher://127.0.0.1/")]
    [InlineData("javascript:alert(1)")]
    public void A_redirect_out_of_the_web_is_refused_naming_the_address_and_the_redirect(string location)
    {
        using var server = new StubHttpServer(RedirectTo(location), new Answer(200, TrendingPage));
        var before = FolderSnapshot.Of(Content);

        var result = Ingest(server);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{server.BaseUrl}papers/trending", result.Errors);
        Assert.Contains($"redirects to {location}", result.Errors);
        Assert.Contains("only http and https addresses are fetched", result.Errors);
        Assert.Single(server.Requests); // nothing was asked of anything the redirect named
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
    }

    [Fact]
    public void A_redirect_within_the_web_is_followed()
    {
        using var server = new StubHttpServer(RedirectTo("/elsewhere/trending", 301), new Answer(200, TrendingPage));

        var result = Ingest(server);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("13 new", result.Output);
        Assert.Equal(2, server.Requests.Count);
        Assert.StartsWith("GET /elsewhere/trending ", server.Requests[1].RequestLine);
        Assert.StartsWith("PaperTrail/", server.Requests[1].UserAgent); // the followed request is the fetcher's own
    }

    [Fact]
    public void A_redirect_loop_ends_with_a_message_not_a_hang()
    {
        using var server = new StubHttpServer(RedirectTo("/papers/trending"));
        var before = FolderSnapshot.Of(Content);

        var result = Ingest(server);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("after 5 redirects", result.Errors);
        Assert.Equal(6, server.Requests.Count);
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
    }
}
