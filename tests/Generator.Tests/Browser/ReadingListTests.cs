using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Playwright;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Browser;

/// <summary>
/// The seed (119 real papers, one day) built without search: what the reading list needs of a site,
/// and nothing the search index would add to a test's cost.
/// </summary>
public sealed class BuiltSeedWithoutSearch : IDisposable
{
    private readonly TempDir _dir = new();
    public string Output => _dir["output"];
    public Generator.Result Build { get; }

    public BuiltSeedWithoutSearch()
    {
        var content = _dir["archive/content"];
        Generator.Run("init", _dir["archive"]);
        Generator.Run("ingest", Repo.SeedScrape, "--date", "2026-11-28", "--content", content);
        Build = Generator.Run("build", "--content", content, "--output", Output, "--themes", Path.Combine(Repo.Root, "themes"), "--no-search");
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// Issue 35's acceptance in Chromium, under netlify.toml's headers (its CSP included): papers saved
/// from a day page stay marked after a reload, a highlighted author's cards are marked on a topic
/// page, /saved/ downloads the BibTeX the paper pages show, export, clear and import give the same
/// list back, and with JavaScript off no page shows a control that does nothing.
/// </summary>
public sealed class ReadingListTests(BuiltSeedWithoutSearch site, Support.Browser browser)
    : IClassFixture<BuiltSeedWithoutSearch>, IClassFixture<Support.Browser>
{
    private const string Day = "days/2026-11-28/";
    private const string Topic = "topics/diffusion-models/";

    private static readonly string Screenshots = Path.Combine(Repo.Root, "test-results", "screenshots");

    private static async Task Shoot(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "reading-" + name + ".png"), FullPage = false });
    }

    private StaticServer Serve()
    {
        Assert.True(site.Build.ExitCode == 0, site.Build.ToString());
        return new StaticServer(site.Output, NetlifyConfig.HeadersForAllPages());
    }

    /// <summary>A fresh browser profile (its own storage) whose pages record console errors.</summary>
    private async Task<(IBrowserContext Context, List<string> Errors)> Reader(bool javaScript = true)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, JavaScriptEnabled = javaScript });
        var errors = new List<string>();
        context.Page += (_, page) =>
        {
            page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
            page.PageError += (_, error) => errors.Add("uncaught: " + error);
        };
        return (context, errors);
    }

    private static ILocator Card(IPage page, int i) => page.Locator("ol.cards > li > article[data-paper]").Nth(i);

    private static async Task<string> SaveCard(IPage page, int i)
    {
        var card = Card(page, i);
        await card.Locator("button[data-reading=save]").ClickAsync();
        return await card.GetAttributeAsync("data-paper") ?? "";
    }

    /// <summary>The BibTeX entry a paper's page shows, read from the built file.</summary>
    private string PageBibtex(string slug)
    {
        var html = File.ReadAllText(Path.Combine(site.Output, "papers", slug, "index.html"));
        return new HtmlParser().ParseDocument(html).QuerySelector("pre.bibtex")!.TextContent;
    }

    [BrowserFact]
    public async Task Two_papers_saved_from_a_day_page_are_marked_after_a_reload()
    {
        using var server = Serve();
        var (context, errors) = await Reader();
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + Day);
        var first = await SaveCard(page, 0);
        // The second with the keyboard: the button is reached by focus and pressed with Space.
        await Card(page, 1).Locator("button[data-reading=save]").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        var second = await Card(page, 1).GetAttributeAsync("data-paper");

        await page.ReloadAsync();
        var pressed = await page.Locator("article[data-paper]").EvaluateAllAsync<string[]>(
            "cards => cards.filter(c => c.querySelector('button[data-reading=save]').getAttribute('aria-pressed') === 'true' && c.classList.contains('is-saved')).map(c => c.dataset.paper)");
        var described = await Card(page, 0).Locator("button[data-reading=save]").GetAttributeAsync("aria-describedby");
        var describedBy = await page.Locator($"#{described}").TextContentAsync();
        var title = await Card(page, 0).Locator(".card-title").TextContentAsync();
        var navShown = await page.Locator("[data-reading-nav] a").IsVisibleAsync();
        await Shoot(page, "day-saved");
        await context.CloseAsync();

        Assert.Equal(new[] { first, second! }, pressed);
        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.Equal(title, describedBy); // a screen reader hears which paper each Save is for
        Assert.True(navShown);
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task A_highlighted_author_marks_their_cards_on_a_topic_page()
    {
        using var fixture = new FixtureSite("title: Fixture Archive\nbase_url: https://example.org/\npage_size: 20\n")
            .Paper("a", "Paper A", "[2026-11-02]", extra: "topics: [diffusion-models]\nauthors: [Ada Lovelace, Grace Hopper]")
            .Paper("b", "Paper B", "[2026-11-03]", extra: "topics: [diffusion-models]\nauthors: [Adam Lovelace-Smith]")
            .Paper("c", "Paper C", "[2026-11-04]", extra: "topics: [diffusion-models]\nauthors: [Ada Lövelace]")
            .Paper("d", "Paper D", "[2026-11-05]", "Optimal transport maps.", extra: "topics: [diffusion-models]\nauthors: [Grace Hopper]")
            .Paper("e", "Paper E", "[2026-11-06]", "Transportation networks.", extra: "topics: [diffusion-models]\nauthors: [Grace Hopper]")
            .BuildOk();
        using var server = new StaticServer(fixture.Output, NetlifyConfig.HeadersForAllPages());

        var (context, errors) = await Reader();
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "saved/");
        await page.GetByLabel("Mark papers whose title, abstract or authors have one of these words or names (one a line)").FillAsync("Ada Lovelace\ntransport");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save highlights" }).ClickAsync();
        await page.Locator("[data-saved-status]", new() { HasText = "Highlights saved." }).WaitForAsync();
        await page.GotoAsync(server.BaseUrl + Topic);
        var cards = await page.Locator("article[data-paper]").CountAsync();
        var marked = await page.Locator("article.is-hit").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.paper)");
        await Shoot(page, "topic-highlights");
        var badges = await page.Locator("article:not(.is-hit) [data-reading=hit]:visible").CountAsync()
            + "|" + await page.Locator("article.is-hit [data-reading=hit]:visible").CountAsync();
        await context.CloseAsync();

        Assert.Equal(5, cards);
        // Newest first: d by a word of its abstract, c and a by the name, accents or not; not
        // "Adam Lovelace-Smith", nor "Transportation": a word or name matches whole.
        Assert.Equal(new[] { "d", "c", "a" }, marked);
        Assert.Equal("0|3", badges);
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task The_saved_page_downloads_a_bib_file_with_both_entries()
    {
        using var server = Serve();
        var (context, errors) = await Reader();
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + Day);
        var first = await SaveCard(page, 2);
        var second = await SaveCard(page, 5);

        await page.GotoAsync(server.BaseUrl + "saved/");
        var listed = await page.Locator("[data-saved-list] > li").CountAsync();
        await Shoot(page, "saved");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download as .bib" }).ClickAsync());
        var path = await download.PathAsync();
        var bib = await File.ReadAllTextAsync(path!);
        await context.CloseAsync();

        Assert.Equal(2, listed);
        Assert.Equal("saved-papers.bib", download.SuggestedFilename);
        // Newest saved first, each entry exactly as its paper page shows it.
        Assert.Equal(PageBibtex(second) + "\n\n" + PageBibtex(first) + "\n", bib);
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task The_saved_page_orders_by_date_saved_or_trending_day_copies_links_and_keeps_focus_on_remove()
    {
        using var fixture = new FixtureSite("title: Fixture Archive\nbase_url: https://example.org/\n")
            .Paper("older", "Older Paper", "[2026-11-02]")
            .Paper("newer", "Newer Paper", "[2026-11-05]")
            .BuildOk();
        using var server = new StaticServer(fixture.Output, NetlifyConfig.HeadersForAllPages());
        var (context, errors) = await Reader();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = server.BaseUrl.TrimEnd('/') });
        var page = await context.NewPageAsync();
        // The newer paper saved first, the older one last.
        foreach (var day in new[] { "2026-11-05", "2026-11-02" })
        {
            await page.GotoAsync(server.BaseUrl + $"days/{day}/");
            await page.Locator("article[data-paper] button[data-reading=save]").ClickAsync();
        }

        await page.GotoAsync(server.BaseUrl + "saved/");
        var titles = page.Locator("[data-saved-list] .card-title");
        var bySaved = await titles.AllTextContentsAsync();
        await page.GetByLabel("Order").SelectOptionAsync("day");
        var byDay = await titles.AllTextContentsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy links" }).ClickAsync();
        await page.Locator("[data-saved-status]", new() { HasText = "Links copied." }).WaitForAsync();
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        await page.Locator("[data-saved-list] > li").First.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.textContent");
        var left = await titles.AllTextContentsAsync();
        await context.CloseAsync();

        Assert.Equal(["Older Paper", "Newer Paper"], bySaved);
        Assert.Equal(["Newer Paper", "Older Paper"], byDay);
        Assert.Equal($"{server.BaseUrl}papers/newer/\n{server.BaseUrl}papers/older/", copied);
        Assert.Equal(["Older Paper"], left);
        Assert.Equal("Older Paper", focused); // focus moves to the entry that took the removed one's place
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task Export_clear_and_import_give_the_same_list()
    {
        using var server = Serve();
        var (context, errors) = await Reader();
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync(server.BaseUrl + Day);
        await SaveCard(page, 0);
        var saveHref = await Card(page, 1).Locator(".card-title a").GetAttributeAsync("href");
        var readHref = await Card(page, 3).Locator(".card-title a").GetAttributeAsync("href");
        // One saved from its paper page, one only marked read there: the day page then shows it read.
        await page.GotoAsync(new Uri(new Uri(server.BaseUrl), saveHref).ToString());
        await page.Locator("article.paper button[data-reading=save]").ClickAsync();
        await page.GotoAsync(new Uri(new Uri(server.BaseUrl), readHref).ToString());
        await page.Locator("article.paper button[data-reading=read]").ClickAsync();
        await page.GotoAsync(server.BaseUrl + Day);
        var readMark = await Card(page, 3).Locator("[data-reading=read-mark]").IsVisibleAsync();
        var otherMarks = await page.Locator("[data-reading=read-mark]:visible").CountAsync();
        await Shoot(page, "day-read");

        await page.GotoAsync(server.BaseUrl + "saved/");
        await page.Locator("[data-saved-list] textarea").First.FillAsync("Read section 3 again.");
        await page.Locator("[data-saved-list] textarea").First.BlurAsync();
        const string storage = "() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('paper-trail:reading:')))";
        var before = await page.EvaluateAsync<string>(storage);
        var titles = await page.Locator("[data-saved-list] .card-title").AllTextContentsAsync();

        var export = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export reading list" }).ClickAsync());
        var file = await export.PathAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear reading list" }).ClickAsync();
        var afterClear = await page.Locator("[data-saved-list] > li").CountAsync();
        var clearedStorage = await page.EvaluateAsync<string>(storage);

        await page.Locator("[data-saved-import]").SetInputFilesAsync(file!);
        await page.Locator("[data-saved-status]", new() { HasText = "Reading list imported." }).WaitForAsync();
        var after = await page.EvaluateAsync<string>(storage);
        var titlesAfter = await page.Locator("[data-saved-list] .card-title").AllTextContentsAsync();
        var note = await page.Locator("[data-saved-list] textarea").First.InputValueAsync();
        var exportedText = await File.ReadAllTextAsync(file!); // the browser deletes its downloads when it closes
        await context.CloseAsync();

        Assert.True(readMark);
        Assert.Equal(1, otherMarks);
        Assert.Equal(2, titles.Count);
        Assert.Equal(0, afterClear);
        Assert.Equal("[]", clearedStorage);
        Assert.Equal(titles, titlesAfter);
        Assert.Equal("Read section 3 again.", note);
        Assert.Equal(before, after); // saved, read marks, notes and BibTeX alike
        using var exported = JsonDocument.Parse(exportedText);
        Assert.Equal("paper-trail-reading-list", exported.RootElement.GetProperty("format").GetString());
        Assert.Equal(3, exported.RootElement.GetProperty("papers").EnumerateObject().Count()); // two saved, one only read
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task An_imported_file_cannot_make_a_script_link()
    {
        using var server = Serve();
        using var dir = new TempDir();
        var file = dir["hostile.json"];
        File.WriteAllText(file, """
            {"format":"paper-trail-reading-list","version":1,"highlights":[],"papers":{
              "x":{"title":"<img src=x onerror=alert(1)>","href":"javascript:alert(1)","authors":["A"],"day":"2026-11-28","saved":"2026-12-01T00:00:00Z"},
              "w":{"title":"W","saved":"2026-12-02T00:00:00Z","day":["2026-11-28"],"authors":[1,{}],"note":{}},
              "y":{"title":5,"saved":0,"day":20261128},
              "z":"not a paper",
              "__proto__":{"title":"proto","href":"/papers/p/","saved":"2026-12-01T00:00:00Z"}}}
            """);
        var (context, errors) = await Reader();
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        await page.GotoAsync(server.BaseUrl + "saved/");
        await page.Locator("[data-saved-import]").SetInputFilesAsync(file);
        await page.Locator("[data-saved-status]", new() { HasText = "Reading list imported." }).WaitForAsync();
        var hrefs = await page.Locator("[data-saved-list] .card-title a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var images = await page.Locator("[data-saved-list] img").CountAsync();
        await context.CloseAsync();

        Assert.Equal(["/papers/w/", "/papers/x/", "/papers/p/"], hrefs); // newest saved first; odd values dropped, not thrown on
        Assert.DoesNotContain(hrefs, h => h.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, images);
        Assert.Empty(dialogs);
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task With_javascript_off_no_page_shows_a_control_that_does_nothing()
    {
        using var server = Serve();
        var paperHref = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, "days", "2026-11-28", "index.html")))
            .QuerySelector(".card-title a")!.GetAttribute("href")!.TrimStart('/');
        const string controls = "main button:visible, main select:visible, main textarea:visible, main input:visible, [data-reading-nav]:visible";
        foreach (var javaScript in new[] { false, true })
        {
            var (context, _) = await Reader(javaScript);
            var page = await context.NewPageAsync();
            var shown = new Dictionary<string, int>();
            foreach (var path in new[] { "", Day, Topic, paperHref, "saved/" })
            {
                await page.GotoAsync(server.BaseUrl + path);
                shown[path] = await page.Locator(controls).CountAsync();
            }
            var savedText = await page.Locator("[data-saved-status]").TextContentAsync();
            await context.CloseAsync();

            if (javaScript)
            {
                // The same pages with the script: its controls are there, so the count above can see them.
                Assert.All(shown, kv => Assert.True(kv.Value > 0, $"/{kv.Key} shows no reading control with JavaScript on"));
            }
            else
            {
                Assert.All(shown, kv => Assert.True(kv.Value == 0, $"/{kv.Key} shows {kv.Value} controls with JavaScript off"));
                Assert.Contains("needs JavaScript", savedText);
            }
        }
    }
}
