using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Preview;

/// <summary>
/// <c>generator serve</c> run as a user runs it: on a free port of localhost, it serves the site,
/// sees an edit and rebuilds, shows a broken file in the browser and keeps running; and it answers
/// this machine only.
/// </summary>
public sealed class ServeTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite().Paper("a", "The First Title", "[2026-11-28]");
    private readonly TempDir _preview = new();
    private ServeProcess? _server;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<string> _log = [];

    public void Dispose()
    {
        _server?.Dispose();
        _http.Dispose();
        _preview.Dispose();
        _site.Dispose();
    }


    /// <summary>Starts serve on a free port; the address it prints, which a user opens.</summary>
    private Uri Start()
    {
        var ready = new TaskCompletionSource<string>();
        _server = new ServeProcess(_site, _preview.Path, line =>
        {
            if (line is null) return;
            lock (_log) _log.Add(line);
            if (line.StartsWith("serving ", StringComparison.Ordinal)) ready.TrySetResult(line);
        });
        var port = _server.Port;
        Assert.True(ready.Task.Wait(TimeSpan.FromSeconds(60)), "serve did not start: " + string.Join("\n", _log));
        // localhost, not 127.0.0.1: on Windows only a localhost address may be listened on without administrator rights.
        Assert.Equal($"serving http://localhost:{port}/ (Ctrl+C to stop)", ready.Task.Result);
        return new Uri($"http://localhost:{port}/");
    }

    private async Task<(HttpStatusCode Status, string Body)> Get(Uri url)
    {
        using var response = await _http.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asks until the page says what is expected, as a reader pressing reload would.</summary>
    private async Task<string> Until(Uri url, Func<string, bool> expected)
    {
        var clock = Stopwatch.StartNew();
        var body = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            body = (await Get(url)).Body;
            if (expected(body)) return body;
            await Task.Delay(200);
        }
        throw new TimeoutException($"the page never changed; last answer:\n{body}\nlog:\n{string.Join("\n", _log)}");
    }

    [Fact]
    public async Task Follows_the_sites_redirect_rules_as_the_host_does()
    {
        _site.Paper("b", "The Second Title", "[2026-11-28]", extra: "arxiv: \"2401.00001\"\naliases: [old-b]");
        var root = Start();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };

        using var arxiv = await http.GetAsync(new Uri(root, "arxiv/2401.00001/"));
        Assert.Equal(HttpStatusCode.MovedPermanently, arxiv.StatusCode);
        Assert.Equal("/papers/b/", arxiv.Headers.Location?.OriginalString);
        using var old = await http.GetAsync(new Uri(root, "papers/old-b/"));
        Assert.Equal("/papers/b/", old.Headers.Location?.OriginalString);
        using var missing = await http.GetAsync(new Uri(root, "arxiv/2401.99999/"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Serves_rebuilds_on_an_edit_and_survives_a_broken_file()
    {
        var root = Start();
        var page = new Uri(root, "papers/a/");
        var (status, body) = await Get(page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The First Title", body);
        Assert.Contains("/__preview/reload.js", body);
        var version = (await Get(new Uri(root, "__preview/version"))).Body;

        var file = Path.Combine(_site.Content, "papers", "2026", "11", "a.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("The First Title", "An Edited Title"));
        await Until(page, b => b.Contains("An Edited Title"));
        await Until(new Uri(root, "__preview/version"), v => v != version); // what the open tabs poll to reload

        File.WriteAllText(file, "---\ntitle: \"Broken\nslug: a\n---\n");
        var error = await Until(page, b => b.Contains("The site does not build"));
        Assert.Contains("a.md:", error);
        Assert.Contains("not valid YAML", error);
        Assert.False(_server!.HasExited);

        File.WriteAllText(file, "---\ntitle: \"Fixed Again\"\nslug: a\ntrending: [2026-11-28]\n---\nBack.\n");
        await Until(page, b => b.Contains("Fixed Again"));
        Assert.False(File.Exists(Path.Combine(_site.Output, "index.html"))); // output/ is never touched by a preview
        Assert.DoesNotContain("reload.js", File.ReadAllText(Path.Combine(_preview.Path, "papers", "a", "index.html")));
    }

    [Fact]
    public async Task Answers_on_loopback_and_not_on_the_machines_network_addresses()
    {
        var root = Start();
        Assert.Equal(HttpStatusCode.OK, (await Get(new Uri(root, "papers/a/"))).Status);

        // What another machine on the network would reach, asking for the same page by the same name.
        var addresses = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(a => a.Address))
            .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal)
            .ToList();
        foreach (var address in addresses)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{new IPEndPoint(address, root.Port)}/papers/a/");
            request.Headers.Host = root.Authority;
            HttpStatusCode? status = null;
            try { using var response = await _http.SendAsync(request); status = response.StatusCode; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { } // refused or dropped: nothing answers there
            Assert.True(status != HttpStatusCode.OK, $"the preview answered on {address}");
        }
    }
}
