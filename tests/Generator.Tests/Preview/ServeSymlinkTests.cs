using System.Diagnostics;
using System.Globalization;
using System.Net;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Preview;

/// <summary>
/// <c>generator serve</c> as a person at the terminal and the browser meets what content/ refuses: a
/// link to nothing (once a crash, after which the preview stopped rebuilding for good, saying nothing)
/// and 50,000 nested '[' (once a stack overflow that ended the server). Each shows as an error naming
/// the file, in the terminal and the browser, the watch goes on, and the next good edit brings the
/// page back.
/// </summary>
public sealed class ServeSymlinkTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite().Paper("a", "The First Title", "[2026-11-28]");
    private readonly TempDir _preview = new();
    private readonly PreviewClient _client = new();
    private Process? _server;

    private string Papers => Path.Combine(_site.Content, "papers", "2026", "11");

    public void Dispose()
    {
        if (_server is { HasExited: false }) _server.Kill(entireProcessTree: true);
        _server?.WaitForExit(5000);
        _server?.Dispose();
        _client.Dispose();
        _preview.Dispose();
        _site.Dispose();
    }

    private Uri Start()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { GeneratorProcess.Dll, "serve", "--content", _site.Content, "--themes", _site.Themes, "--output", _preview.Path, "--port", TestFiles.FreePort().ToString(CultureInfo.InvariantCulture), "--no-search" })
            start.ArgumentList.Add(arg);
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, e) => _client.Line(e.Data);
        _server.ErrorDataReceived += (_, e) => _client.Line(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        return _client.Root();
    }

    /// <summary>The browser shows the error page with <paramref name="expected"/>, the terminal an error line with it, and the server runs on.</summary>
    private async Task AssertShownAsError(Uri page, string expected, int terminalBefore)
    {
        var error = await _client.Until(page, b => b.Contains("The site does not build"));
        Assert.Contains(WebUtility.HtmlEncode(expected), error);
        Assert.Equal(HttpStatusCode.InternalServerError, (await _client.Get(page)).Status);
        await _client.TerminalLine(l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains(expected), terminalBefore);
        Assert.False(_server!.HasExited);
    }

    [PosixFact("symbolic links")]
    public async Task A_link_to_nothing_shows_as_an_error_and_the_preview_comes_back_when_it_goes_or_is_fixed()
    {
        var page = new Uri(Start(), "papers/a/");
        Assert.Contains("The First Title", (await _client.Get(page)).Body);

        var link = Path.Combine(Papers, "dangling.md");
        var before = _client.LineCount;
        File.CreateSymbolicLink(link, "nowhere.md");
        await AssertShownAsError(page, "dangling.md: is a symbolic link (to nowhere.md), which is not followed", before);

        // Removed: the page is back.
        File.Delete(link);
        await _client.Until(page, b => b.Contains("The First Title") && !b.Contains("The site does not build"));

        // Again, then fixed by putting the file itself in its place: the page is back, and the new paper with it.
        before = _client.LineCount;
        File.CreateSymbolicLink(link, "nowhere.md");
        await AssertShownAsError(page, "dangling.md: is a symbolic link", before);
        File.Delete(link);
        File.WriteAllText(link, "---\ntitle: \"No Longer Dangling\"\nslug: dangling\ntrending: [2026-11-28]\n---\nHere now.\n");
        await _client.Until(page, b => b.Contains("The First Title") && !b.Contains("The site does not build"));
        Assert.Contains("No Longer Dangling", (await _client.Get(new Uri(_client.Root(), "papers/dangling/"))).Body);

        // The page it shows after an edit is the edited one: rebuilding goes on.
        File.WriteAllText(Path.Combine(Papers, "a.md"), File.ReadAllText(Path.Combine(Papers, "a.md")).Replace("The First Title", "The Second Title"));
        await _client.Until(page, b => b.Contains("The Second Title"));
        Assert.DoesNotContain("crash", _client.Terminal);
    }

    [Fact]
    public async Task Fifty_thousand_nested_brackets_show_as_an_error_and_the_fixed_file_brings_the_page_back()
    {
        var page = new Uri(Start(), "papers/a/");
        Assert.Contains("The First Title", (await _client.Get(page)).Body);
        var file = Path.Combine(Papers, "a.md");
        var good = File.ReadAllText(file);

        var before = _client.LineCount;
        File.WriteAllText(file, good.Replace("slug: a\n", $"slug: a\nauthors: {new string('[', 50_000)}\n"));
        await AssertShownAsError(page, "a.md:4: front matter: lists and mappings are nested more than 64 levels deep", before);

        File.WriteAllText(file, good.Replace("The First Title", "Fixed Again"));
        await _client.Until(page, b => b.Contains("Fixed Again"));
        Assert.DoesNotContain("crash", _client.Terminal);
    }
}
