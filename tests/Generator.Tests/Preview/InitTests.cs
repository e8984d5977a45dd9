using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Preview;

/// <summary><c>generator init</c> starts a fork's archive that builds at once, even with no paper.</summary>
public sealed class InitTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private Generator.Result Build(string output) =>
        Generator.Run("build", "--content", _dir["mine/content"], "--output", output, "--themes", Path.Combine(Repo.Root, "themes"), "--no-search");

    private Generator.Result BuildWithSearch(string output) =>
        Generator.Run("build", "--content", _dir["mine/content"], "--output", output, "--themes", Path.Combine(Repo.Root, "themes"));

    [Fact]
    public void A_new_archive_checks_and_builds_with_no_paper_into_valid_deterministic_feeds()
    {
        var init = Generator.Run("init", _dir["mine"]);
        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.True(File.Exists(_dir["mine/content/site.yml"]));
        Assert.True(Directory.Exists(_dir["mine/content/papers"]));
        Assert.Equal(PaperTrail.Topics.DefaultTopics.Bytes(), File.ReadAllBytes(_dir["mine/content/topics.yml"]));
        Assert.Equal(0, Generator.Run("check", "--content", _dir["mine/content"]).ExitCode);

        var first = Build(_dir["out1"]);
        var second = Build(_dir["out2"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(0, second.ExitCode);
        var a = FolderSnapshot.Of(_dir["out1"]).Files;
        var b = FolderSnapshot.Of(_dir["out2"]).Files;
        Assert.Equal(a.Keys, b.Keys);
        Assert.All(a, f => Assert.Equal(f.Value.Hash, b[f.Key].Hash));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(File.ReadAllText(_dir["out1/atom.xml"]));
        Assert.Empty(feed.Descendants(atom + "entry"));
        Assert.Equal("1970-01-01T00:00:00Z", feed.Root!.Element(atom + "updated")!.Value);
        Assert.Empty(XDocument.Parse(File.ReadAllText(_dir["out1/feed.xml"])).Descendants("item"));
        Assert.Contains("No papers yet", File.ReadAllText(_dir["out1/index.html"]));
    }

    [Fact]
    public void Init_never_writes_over_an_archive()
    {
        Generator.Run("init", _dir["mine"]);
        File.WriteAllText(_dir["mine/content/site.yml"], "title: Mine\n");

        var again = Generator.Run("init", _dir["mine"]);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already holds an archive", again.Errors);
        Assert.Equal("title: Mine\n", File.ReadAllText(_dir["mine/content/site.yml"]));
    }

    [Fact]
    public void Content_from_a_newer_schema_is_refused_with_a_clear_message()
    {
        Generator.Run("init", _dir["mine"]);
        File.WriteAllText(_dir["mine/content/site.yml"], File.ReadAllText(_dir["mine/content/site.yml"]).Replace("schema_version: 2", "schema_version: 9"));
        var result = Build(_dir["out"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("site.yml:2: this content uses schema version 9", result.Errors);
    }

    [Fact]
    public void A_new_archive_builds_with_search_on_and_its_search_page_says_there_is_nothing_to_search_yet()
    {
        Assert.Equal(0, Generator.Run("init", _dir["mine"]).ExitCode);

        var build = BuildWithSearch(_dir["out"]);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("search: no paper to index yet", build.Output);
        Assert.False(Directory.Exists(_dir["out/pagefind"]));
        var page = File.ReadAllText(_dir["out/search/index.html"]);
        Assert.Contains("There is nothing to search yet", page);
        // Nothing on the page looks for an index that is not there: no script of it, no address of it.
        Assert.DoesNotContain("pagefind", page);
        var targets = Targets(_dir["out"], "search/index.html");
        Assert.Contains(targets, t => t.StartsWith("assets/style.", StringComparison.Ordinal));
        Assert.DoesNotContain(targets, t => t.StartsWith("assets/search.", StringComparison.Ordinal));
        AssertAllThere(_dir["out"], targets);
        // The search box on every page leads to that page.
        Assert.Equal("/search/", new HtmlParser().ParseDocument(File.ReadAllText(_dir["out/index.html"])).QuerySelector("form[role=search]")?.GetAttribute("action"));
        // An empty archive's build is finished: the next one has nothing to do.
        Assert.Contains("no input changed since the last build", BuildWithSearch(_dir["out"]).Output);
    }

    [Fact]
    public void Once_a_paper_is_ingested_the_next_build_makes_the_index_and_the_search_form()
    {
        Generator.Run("init", _dir["mine"]);
        Assert.Equal(0, BuildWithSearch(_dir["out"]).ExitCode);
        var ingest = Generator.Run("ingest", "--content", _dir["mine/content"], "--date", "2025-09-30",
            Path.Combine(Repo.Fixtures, "hf-json", "page-props_PaperContent_2509.24002.json"));
        Assert.True(ingest.ExitCode == 0, ingest.ToString());

        var build = BuildWithSearch(_dir["out"]);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("search: indexed", build.Output);
        Assert.Contains("\"page_count\":1", File.ReadAllText(_dir["out/pagefind/pagefind-entry.json"]));
        Assert.True(File.Exists(_dir["out/pagefind/pagefind.js"]));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(_dir["out/search/index.html"]));
        Assert.Equal("/pagefind/", page.QuerySelector("[data-search-root]")?.GetAttribute("data-pagefind"));
        Assert.NotNull(page.QuerySelector("form.search-form input[name=q]"));
        Assert.DoesNotContain("nothing to search", page.Body!.TextContent);
        var targets = Targets(_dir["out"], "search/index.html");
        Assert.Contains(targets, t => t.StartsWith("assets/search.", StringComparison.Ordinal));
        AssertAllThere(_dir["out"], targets);
    }

    [Fact]
    public async Task Serve_answers_a_new_archive_with_its_pages()
    {
        Generator.Run("init", _dir["mine"]);
        var port = TestFiles.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { GeneratorProcess.Dll, "serve", "--content", _dir["mine/content"], "--themes", Path.Combine(Repo.Root, "themes"), "--output", _dir["preview"], "--port", port.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        using var server = Process.Start(start)!;
        var log = new List<string>();
        var ready = new TaskCompletionSource();
        server.OutputDataReceived += (_, e) => { if (e.Data is null) return; lock (log) log.Add(e.Data); if (e.Data.StartsWith("serving ", StringComparison.Ordinal)) ready.TrySetResult(); };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.Add(e.Data); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            var started = await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(60))) == ready.Task;
            Assert.True(started, "serve did not start: " + string.Join("\n", log));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

            using var home = await http.GetAsync($"http://localhost:{port}/");
            using var search = await http.GetAsync($"http://localhost:{port}/search/");

            Assert.True(home.StatusCode == HttpStatusCode.OK, string.Join("\n", log));
            Assert.Contains("No papers yet", await home.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
            Assert.Contains("There is nothing to search yet", await search.Content.ReadAsStringAsync());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit(5000);
        }
    }

    /// <summary>
    /// The files a page asks for inside the site (scripts, styles, icons, images, links, form
    /// targets), relative to the output folder; the site's base_url is init's https://example.org/.
    /// </summary>
    private static List<string> Targets(string output, string page)
    {
        var site = new Uri("https://example.org/");
        var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, page)));
        var pageUrl = new Uri(site, page.Replace("index.html", ""));
        return document.QuerySelectorAll("script[src]").Select(e => e.GetAttribute("src"))
            .Concat(document.QuerySelectorAll("link[href], a[href]").Select(e => e.GetAttribute("href")))
            .Concat(document.QuerySelectorAll("img[src]").Select(e => e.GetAttribute("src")))
            .Concat(document.QuerySelectorAll("form[action]").Select(e => e.GetAttribute("action")))
            .Select(t => new Uri(pageUrl, t!))
            .Where(u => u.Host == site.Host)
            .Select(u => Uri.UnescapeDataString(u.AbsolutePath).TrimStart('/'))
            .Select(p => p.Length == 0 || p.EndsWith('/') ? p + "index.html" : p)
            .Distinct().ToList();
    }

    private static void AssertAllThere(string output, IReadOnlyList<string> targets) =>
        Assert.All(targets, t => Assert.True(File.Exists(Path.Combine(output, t)), $"{t} is asked for but was not built"));
}
