using PaperTrail.Content;
using PaperTrail.Tests.Support;
using static PaperTrail.Tests.Support.StubHttpServer;

namespace PaperTrail.Tests.Ingest.Web;

/// <summary>
/// A page a server sends instead of the papers (a rate limit, a Cloudflare challenge, a list with
/// no papers), with status 200 or not, is "page structure changed": exit 1, nothing written. A rate
/// limit page and a challenge page used to become papers named "429" and "huggingface.co".
/// </summary>
public sealed class ErrorPageTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Content => _dir["content"];

    public ErrorPageTests()
    {
        // Something already archived, so "nothing written" means something.
        Generator.Run("ingest", _dir.Write("seed.txt", "SubscribeA Paper Already Here\nIts abstract.\n"), "--content", Content, "--date", "2026-11-27");
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Hugging Face's rate limit page, here served at a paper's address, which it names as its own.</summary>
    private const string RateLimited = """
        <!DOCTYPE html>
        <html class="">
        <head>
          <meta charset="utf-8">
          <title>429 Too Many Requests</title>
          <meta property="og:url" content="https://huggingface.co/papers/2509.24002">
          <link rel="canonical" href="https://huggingface.co/papers/2509.24002">
        </head>
        <body>
          <main><div class="container"><h1>429</h1>
          <p>We had to rate limit you. To continue, log in or come back later.</p></div></main>
        </body>
        </html>
        """;

    private const string CloudflareChallenge = """
        <!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
        <meta http-equiv="refresh" content="390"><meta name="robots" content="noindex,nofollow"></head>
        <body><div class="main-wrapper" role="main"><div class="main-content">
        <h1 class="zone-name-title h1">huggingface.co</h1>
        <h2 id="challenge-running" class="h2">Verifying you are human. This may take a few seconds.</h2>
        <div id="challenge-stage"></div><div id="cf-challenge-body"></div>
        <noscript><div class="h2">Enable JavaScript and cookies to continue</div></noscript>
        </div></div>
        <script>(function(){var s=document.createElement('script');s.src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1';document.head.appendChild(s);})();</script>
        </body></html>
        """;

    public static TheoryData<string, string, string> Pages() => new()
    {
        { "rate limit", RateLimited, "(it looks like an error page: HTTP 429)" },
        { "challenge", CloudflareChallenge, "(it looks like a Cloudflare challenge page)" },
        { "empty embedded list", HfAnswers.Page("[]"), "" },
        { "cards without papers", "<!DOCTYPE html><html><body><main><article><h3><a href=\"/papers/trending\">Trending</a></h3></article>"
            + "<article><h3><a href=\"/papers?date=2026-05-08\">Daily Papers</a></h3></article></main></body></html>", "" },
    };

    private void AssertRefused(string name, FolderSnapshot before, Generator.Result result, string hint)
    {
        Assert.True(result.ExitCode == 1, $"{name}: {result}");
        Assert.Contains("page structure changed", result.Errors);
        Assert.Contains(hint, result.Errors);
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
        var problems = new List<ContentProblem>();
        Assert.DoesNotContain(ArchiveLoader.LoadPapers(Content, problems), f => f.Paper.Title is "429" or "huggingface.co");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_file_that_is_not_a_papers_page_is_refused(string name, string html, string hint)
    {
        var before = FolderSnapshot.Of(Content);
        var result = Generator.Run("ingest", _dir.Write(name.Replace(' ', '-') + ".html", html), "--content", Content, "--date", "2026-11-28");
        AssertRefused(name, before, result, hint);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Trending_answered_with_it_and_status_200_is_refused(string name, string html, string hint)
    {
        using var server = new StubHttpServer(new Answer(200, html));
        var before = FolderSnapshot.Of(Content);

        var result = Generator.Run("ingest", "--from", "hf-trending", "--hf-base", server.BaseUrl.ToString(), "--content", Content, "--retries", "0");

        AssertRefused(name, before, result, hint);
        Assert.Single(server.Requests); // a 200 is an answer: not retried, refused
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void An_address_answered_with_it_and_status_200_is_refused(string name, string html, string hint)
    {
        using var server = new StubHttpServer(new Answer(200, html));
        var before = FolderSnapshot.Of(Content);

        var result = Generator.Run("ingest", new Uri(server.BaseUrl, "papers/2509.24002").ToString(), "--content", Content);

        AssertRefused(name, before, result, hint);
        Assert.Contains($"{server.BaseUrl}papers/2509.24002", result.Errors);
    }
}
