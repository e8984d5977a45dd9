using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PaperTrail.Build;
using PaperTrail.Preview;
using PaperTrail.Site;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Preview;

/// <summary>
/// <c>generator serve</c> outlives whatever a rebuild runs into: a mistake in a file (once a crash that
/// stopped all rebuilding) or a bug of the generator. Either shows in the terminal and the browser,
/// the watch goes on, and the next good save brings the site back. A port already taken is one line.
/// </summary>
public sealed class ServeFailureTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite().Paper("a", "The First Title", "[2026-11-28]");
    private readonly TempDir _preview = new();
    private readonly PreviewClient _client = new();
    private ServeProcess? _server;

    private string PaperFile => Path.Combine(_site.Content, "papers", "2026", "11", "a.md");

    public void Dispose()
    {
        _server?.Dispose();
        _client.Dispose();
        _preview.Dispose();
        _site.Dispose();
    }

    private Uri StartProcess()
    {
        _server = new ServeProcess(_site, _preview.Path, _client.Line);
        return _client.Root();
    }

    [Fact]
    public async Task A_paper_broken_by_an_unclosed_list_shows_where_and_the_fixed_file_brings_the_page_back()
    {
        var page = new Uri(StartProcess(), "papers/a/");
        Assert.Contains("The First Title", (await _client.Get(page)).Body);

        var before = _client.LineCount;
        File.WriteAllText(PaperFile, "---\ntitle: \"The First Title\"\nslug: a\ntrending: [2026-11-28]\nauthors: [Ann Lee, Bob Smith\ntopics: [other]\n---\nAn abstract.\n");

        var error = await _client.Until(page, b => b.Contains("The site does not build"));
        Assert.Contains("a.md:6: front matter is not valid YAML", error);
        Assert.Contains("opened on line 5 closed?", error);
        Assert.Equal(HttpStatusCode.InternalServerError, (await _client.Get(page)).Status);
        await _client.TerminalLine(l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains("a.md:6: front matter is not valid YAML"), before);
        Assert.False(_server!.HasExited);

        File.WriteAllText(PaperFile, "---\ntitle: \"Fixed Again\"\nslug: a\ntrending: [2026-11-28]\nauthors: [Ann Lee, Bob Smith]\n---\nBack.\n");
        var fixedPage = await _client.Until(page, b => b.Contains("Fixed Again"));
        Assert.Contains("Ann Lee", fixedPage);
        Assert.DoesNotContain("crash", _client.Terminal);
    }

    [Fact]
    public async Task A_bug_in_a_rebuild_is_shown_as_one_and_the_next_save_builds_again()
    {
        var failing = 0;
        var server = new PreviewServer(new BuildOptions(_site.Content, _preview.Path, _site.Themes, Search: false), TestFiles.FreePort(), new LineWriter(_client.Line))
        {
            RunBuild = options => Volatile.Read(ref failing) == 1
                ? throw new InvalidOperationException("a bug planted by the test")
                : BuildPipeline.Run(options),
        };
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => server.RunAsync(stop.Token));
        try
        {
            var page = new Uri(_client.Root(), "papers/a/");
            Assert.Contains("The First Title", (await _client.Get(page)).Body);

            Volatile.Write(ref failing, 1);
            var before = _client.LineCount;
            File.WriteAllText(PaperFile, File.ReadAllText(PaperFile).Replace("The First Title", "A Second Title"));
            var error = await _client.Until(page, b => b.Contains("The site does not build"));
            Assert.Contains("The generator itself failed", error);
            Assert.Contains("a bug planted by the test", error);
            await _client.TerminalLine(l => l.StartsWith("crash: ", StringComparison.Ordinal), before);
            await _client.TerminalLine(l => l.Contains("still watching"), before);

            Volatile.Write(ref failing, 0);
            File.WriteAllText(PaperFile, File.ReadAllText(PaperFile).Replace("A Second Title", "A Third Title"));
            await _client.Until(page, b => b.Contains("A Third Title"));
        }
        finally
        {
            stop.Cancel();
            await running.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public void A_port_already_taken_is_one_line_naming_the_port_and_the_option()
    {
        var port = TestFiles.FreePort();
        using var taken = Occupy(port);

        var result = GeneratorProcess.Run(null, ServeProcess.Args(_site, _preview.Path, port));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(new[] { $"error: port {port} is in use on this computer; choose another with --port" }, result.Errors.TrimEnd().Split('\n'));
    }

    /// <summary>Listens on the port of both loopback addresses (where there is IPv6), whichever one serve binds.</summary>
    private static IDisposable Occupy(int port)
    {
        var listeners = new List<TcpListener> { new(IPAddress.Loopback, port) };
        if (Socket.OSSupportsIPv6) listeners.Add(new TcpListener(IPAddress.IPv6Loopback, port));
        foreach (var listener in listeners.ToList())
        {
            try { listener.Start(); }
            catch (SocketException) when (listener.LocalEndpoint.AddressFamily == AddressFamily.InterNetworkV6) { listeners.Remove(listener); }
        }
        return new Listeners(listeners);
    }

    private sealed class Listeners(List<TcpListener> listeners) : IDisposable
    {
        public void Dispose() => listeners.ForEach(l => l.Stop());
    }

    /// <summary>The server's terminal, handed over a line at a time.</summary>
    private sealed class LineWriter(Action<string> line) : TextWriter
    {
        private readonly StringBuilder _pending = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_pending)
            {
                if (value == '\n')
                {
                    line(_pending.ToString().TrimEnd('\r'));
                    _pending.Clear();
                }
                else _pending.Append(value);
            }
        }
    }
}
