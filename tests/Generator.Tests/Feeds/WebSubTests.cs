using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Xml.Linq;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Feeds;

/// <summary>
/// With <c>websub_hub</c> in site.yml, every subscription feed names the hub, and after a deploy
/// <c>generator websub</c> tells the hub exactly the feeds that changed; a hub that fails is told again
/// next time. The hub is a stub on loopback: no network.
/// </summary>
public sealed class WebSubTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly StubHub _hub = new();
    private readonly FixtureSite _site;

    public WebSubTests()
    {
        _site = new FixtureSite($"title: Hub Archive\nbase_url: https://example.org/\ndescription: d\nlanguage: en\nfeed_size: 3\nwebsub_hub: {_hub.Url}\n")
            .Paper("p1", "Paper One", "[2026-11-24]", extra: "topics: [diffusion-models]")
            .Paper("p2", "Paper Two", "[2026-11-25]", extra: "topics: [reinforcement-learning]")
            .BuildOk();
    }

    public void Dispose()
    {
        _site.Dispose();
        _hub.Dispose();
    }

    private Generator.Result Announce() => Generator.Run("websub", "--content", _site.Content, "--output", _site.Output, "--retries", "0");

    [Fact]
    public void Every_subscription_feed_names_the_hub_and_no_archive_does()
    {
        Assert.Equal(_hub.Url, XDocument.Parse(_site.Text("feed.xml")).Descendants(Atom + "link").Single(l => (string?)l.Attribute("rel") == "hub").Attribute("href")!.Value);
        Assert.Equal(_hub.Url, XDocument.Parse(_site.Text("topics/diffusion-models/atom.xml")).Root!.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "hub").Attribute("href")!.Value);
        using var json = JsonDocument.Parse(_site.Text("feed.json"));
        Assert.Equal(_hub.Url, json.RootElement.GetProperty("hubs")[0].GetProperty("url").GetString());
        Assert.DoesNotContain("rel=\"hub\"", _site.Text("archive/2026/11/atom.xml"));
    }

    [Fact]
    public void The_hub_hears_of_each_changed_feed_once_and_again_only_when_it_changes()
    {
        var first = Announce();
        Assert.True(first.ExitCode == 0, first.ToString());
        var told = _hub.Published();
        Assert.Contains("https://example.org/feed.xml", told);
        Assert.Contains("https://example.org/atom.xml", told);
        Assert.Contains("https://example.org/feed.json", told);
        Assert.Contains("https://example.org/topics/diffusion-models/atom.xml", told);
        Assert.DoesNotContain(told, u => u.Contains("/archive/", StringComparison.Ordinal) || u.Contains("/2026/", StringComparison.Ordinal));
        Assert.Equal(told.Count, told.Distinct().Count());

        _hub.Clear();
        var second = Announce();
        Assert.Contains("websub: 0 of 0 changed feeds announced", second.Output);
        Assert.Empty(_hub.Published());

        _site.Paper("p3", "Paper Three", "[2026-11-26]", extra: "topics: [diffusion-models]").BuildOk();
        Announce();
        var third = _hub.Published();
        Assert.Contains("https://example.org/feed.xml", third);
        Assert.Contains("https://example.org/topics/diffusion-models/feed.xml", third);
        Assert.DoesNotContain("https://example.org/topics/reinforcement-learning/feed.xml", third);
    }

    [Fact]
    public void A_hub_that_fails_is_a_warning_and_hears_of_the_feed_next_time()
    {
        _hub.Status = 503;
        var failing = Announce();
        Assert.Equal(0, failing.ExitCode);
        Assert.Contains("warning: websub:", failing.Errors);
        Assert.Contains("HTTP 503", failing.Errors);

        _hub.Status = 204;
        _hub.Clear();
        var after = Announce();
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("https://example.org/feed.xml", _hub.Published());
    }

    [Fact]
    public void Without_a_hub_nothing_is_announced()
    {
        using var plain = new FixtureSite().Paper("p1", "Paper One", "[2026-11-24]").BuildOk();
        var result = Generator.Run("websub", "--content", plain.Content, "--output", plain.Output);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("names no websub_hub", result.Output);
        Assert.DoesNotContain("rel=\"hub\"", plain.Text("feed.xml"));
    }

    /// <summary>A hub on 127.0.0.1 that records each publish ping's hub.url and answers with <see cref="Status"/>.</summary>
    private sealed class StubHub : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<string> _published = [];
        private readonly Task _loop;

        public string Url { get; }
        public int Status { get; set; } = 204;

        public StubHub()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/hub";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _loop = Task.Run(Serve);
        }

        private async Task Serve()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                using var reader = new StreamReader(context.Request.InputStream);
                var form = System.Web.HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
                if (context.Request.HttpMethod == "POST" && form["hub.mode"] == "publish" && Status < 300)
                    lock (_published) _published.Add(form["hub.url"]!);
                context.Response.StatusCode = Status;
                context.Response.Close();
            }
        }

        public List<string> Published() { lock (_published) return [.. _published]; }

        public void Clear() { lock (_published) _published.Clear(); }

        public void Dispose()
        {
            _listener.Close(); // alone: see StaticServer.Dispose
            try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        }
    }
}
