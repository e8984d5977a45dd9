using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Preview;

/// <summary>One <c>generator serve</c> for the requests below, started once and stopped at the end.</summary>
public sealed class PreviewServerFixture : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite().Paper("a", "The First Title", "[2026-11-28]");
    private readonly TempDir _preview = new();
    private readonly Process _server;

    public PreviewClient Client { get; } = new();
    public Uri Root { get; }

    public PreviewServerFixture()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { GeneratorProcess.Dll, "serve", "--content", _site.Content, "--themes", _site.Themes, "--output", _preview.Path,
                     "--port", TestFiles.FreePort().ToString(CultureInfo.InvariantCulture), "--no-search" })
            start.ArgumentList.Add(arg);
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, e) => Client.Line(e.Data);
        _server.ErrorDataReceived += (_, e) => Client.Line(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        Root = Client.Root();
    }

    public bool Running => !_server.HasExited;

    public void Dispose()
    {
        if (!_server.HasExited) _server.Kill(entireProcessTree: true);
        _server.WaitForExit(5000);
        _server.Dispose();
        Client.Dispose();
        _preview.Dispose();
        _site.Dispose();
    }
}

/// <summary>
/// The preview answers a malformed request with 400 Bad Request, at once, and keeps serving: a NUL
/// (<c>/%00</c> was never answered), an escape that is not one, bytes that are not UTF-8, a backslash,
/// "." and ".." segments however written, a path longer than any page's. Sent as raw bytes over TCP,
/// since an HTTP client would normalise or refuse most of them before sending.
/// </summary>
public sealed class MalformedRequestTests(PreviewServerFixture server) : IClassFixture<PreviewServerFixture>
{
    /// <summary>The status line of the answer to a request line sent as it is; fails if none comes in 10 seconds.</summary>
    private string StatusOf(string method, byte[] target)
    {
        using var tcp = new TcpClient();
        tcp.Connect("127.0.0.1", server.Root.Port);
        var stream = tcp.GetStream();
        stream.ReadTimeout = 10_000;
        stream.Write([.. Encoding.ASCII.GetBytes(method + " "), .. target, .. Encoding.ASCII.GetBytes(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")]);
        var answer = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            for (int n; (n = stream.Read(buffer)) > 0;) answer.Write(buffer, 0, n);
        }
        catch (IOException e)
        {
            Assert.Fail($"no answer to {method} {Encoding.UTF8.GetString(target)}: {e.Message}\nterminal:\n{server.Client.Terminal}");
        }
        var text = Encoding.UTF8.GetString(answer.ToArray());
        Assert.True(text.Length > 0, $"the connection closed with no answer to {Encoding.UTF8.GetString(target)}");
        return text[..text.IndexOf("\r\n", StringComparison.Ordinal)];
    }

    [Theory]
    [InlineData("/%00")]
    [InlineData("/papers/a/%00index.html")]
    [InlineData("/%ZZ")]
    [InlineData("/papers/%")]
    [InlineData("/%C3%28")]                 // not UTF-8
    [InlineData("/%01")]
    [InlineData("/a%5Cb")]                  // a backslash
    [InlineData("/papers/../../etc/passwd")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/papers/a/%2E%2E/%2E%2E/%2E%2E/etc/passwd")]
    [InlineData("/./index.html")]
    public void A_malformed_path_gets_400(string target)
    {
        Assert.Equal("HTTP/1.1 400 Bad Request", StatusOf("GET", Encoding.ASCII.GetBytes(target)));
    }

    [Fact]
    public void An_overlong_path_gets_400()
    {
        Assert.Equal("HTTP/1.1 400 Bad Request", StatusOf("GET", Encoding.ASCII.GetBytes("/" + new string('a', 5000))));
    }

    [Fact]
    public void Raw_bytes_that_are_not_ascii_get_400()
    {
        Assert.Equal("HTTP/1.1 400 Bad Request", StatusOf("GET", [(byte)'/', 0xC3, 0xBC]));
    }

    [Fact]
    public void A_method_other_than_get_or_head_gets_405()
    {
        Assert.Equal("HTTP/1.1 405 Method Not Allowed", StatusOf("DELETE", Encoding.ASCII.GetBytes("/papers/a/")));
    }

    [Fact]
    public async Task After_malformed_requests_the_pages_are_still_served_and_nothing_was_a_crash()
    {
        foreach (var target in new[] { "/%00", "/%ZZ", "/../x" }) StatusOf("GET", Encoding.ASCII.GetBytes(target));

        Assert.Equal("HTTP/1.1 200 OK", StatusOf("GET", Encoding.ASCII.GetBytes("/papers/a/")));
        Assert.Equal("HTTP/1.1 200 OK", StatusOf("GET", Encoding.ASCII.GetBytes("/papers/a/?q=%ZZ"))); // the query is not the path
        Assert.Equal("HTTP/1.1 404 Not Found", StatusOf("GET", Encoding.ASCII.GetBytes("/papers/nope/")));
        Assert.Contains("The First Title", (await server.Client.Get(new Uri(server.Root, "papers/a/"))).Body);
        Assert.True(server.Running);
        Assert.DoesNotContain("crash", server.Client.Terminal);
    }
}
