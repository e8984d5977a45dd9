using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Browser;

/// <summary>
/// The seed (tests/fixtures/seed: the first real scrape, 119 papers) ingested into a new archive with
/// the default taxonomy, built with search and loaded in Chromium under netlify.toml's headers. Made
/// from a fixture, not from content/, which the nightly grows and a fork replaces.
/// </summary>
public sealed class BuiltDefaultSite : IDisposable
{
    private readonly TempDir _dir = new();
    public string Output => _dir["output"];
    public Generator.Result Build { get; }

    public BuiltDefaultSite()
    {
        var content = _dir["archive/content"];
        Generator.Run("init", _dir["archive"]);
        Generator.Run("ingest", Repo.SeedScrape, "--date", "2026-11-28", "--content", content);
        Build = Generator.Run("build", "--content", content, "--output", Output, "--themes", Path.Combine(Repo.Root, "themes"));
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// What only a browser shows: search finds papers and filters narrow them, related papers show,
/// and the main page kinds load without a console error on a phone and on a desktop. Screenshots
/// go to test-results/screenshots/ at the repository root, which CI keeps.
/// </summary>
public sealed class SiteBrowserTests(BuiltDefaultSite site, Support.Browser browser)
    : IClassFixture<BuiltDefaultSite>, IClassFixture<Support.Browser>
{
    private static readonly string Screenshots = Path.Combine(Repo.Root, "test-results", "screenshots");

    private StaticServer Serve()
    {
        Assert.True(site.Build.ExitCode == 0, site.Build.ToString());
        Assert.Contains("search: indexed", site.Build.Output);
        return new StaticServer(site.Output, NetlifyConfig.HeadersForAllPages());
    }

    private static async Task Shoot(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    private static async Task<List<string>> ResultTitles(IPage page) =>
        [.. await page.Locator("[data-search-results] .card-title a").AllTextContentsAsync()];

    [BrowserFact(needsNodeJs: true)]
    public async Task Searching_a_word_of_an_abstract_finds_its_paper()
    {
        using var server = Serve();
        var visit = await browser.Visit(server.BaseUrl + "search/?q=Milstein");
        await visit.Page.Locator("[data-search-results] li").First.WaitForAsync();

        var titles = await ResultTitles(visit.Page);
        await Shoot(visit.Page, "search-desktop");
        await visit.Page.CloseAsync();

        Assert.Contains("A Milstein-type method for highly non-linear non-autonomous time-changed stochastic differential equations", titles);
        Assert.Empty(visit.ConsoleErrors);
        Assert.Empty(visit.FailedRequests);
    }

    [BrowserFact(needsNodeJs: true)]
    public async Task The_header_search_box_leads_to_results_with_the_keyboard()
    {
        using var server = Serve();
        var visit = await browser.Visit(server.BaseUrl);
        await visit.Page.FocusAsync("#site-search");
        await visit.Page.Keyboard.TypeAsync("Schrödinger bridge");
        await visit.Page.Keyboard.PressAsync("Enter");
        // The address is enough: the results below are waited for themselves. Waiting for the page's
        // "load" as well timed out once on a loaded CI run, with the page long there.
        await visit.Page.WaitForURLAsync(new Regex("/search/"), new() { WaitUntil = WaitUntilState.Commit });
        await visit.Page.Locator("[data-search-results] li").First.WaitForAsync();
        var titles = await ResultTitles(visit.Page);
        await visit.Page.CloseAsync();

        Assert.Contains("Reflected Schrödinger Bridge for Constrained Generative Modeling", titles);
        Assert.Empty(visit.ConsoleErrors);
    }

    [BrowserFact(needsNodeJs: true)]
    public async Task A_topic_filter_narrows_the_results()
    {
        using var server = Serve();
        var visit = await browser.Visit(server.BaseUrl + "search/?q=diffusion");
        var status = visit.Page.Locator("[data-search-status]");
        await status.Filter(new LocatorFilterOptions { HasTextRegex = new Regex(@"\d+ papers? found") }).WaitForAsync();
        var all = int.Parse(Regex.Match(await status.TextContentAsync() ?? "", @"\d+").Value, CultureInfo.InvariantCulture);

        await visit.Page.SelectOptionAsync("#search-topic", "Inverse Problems & Restoration");
        await visit.Page.WaitForFunctionAsync("() => new URL(location.href).searchParams.get('topic') !== null");
        await status.Filter(new LocatorFilterOptions { HasTextRegex = new Regex(@"\d+ papers? found") }).WaitForAsync();
        await visit.Page.WaitForFunctionAsync($"() => !document.querySelector('[data-search-status]').textContent.startsWith('{all} ')");
        var narrowed = int.Parse(Regex.Match(await status.TextContentAsync() ?? "", @"\d+").Value, CultureInfo.InvariantCulture);
        await visit.Page.CloseAsync();

        Assert.True(narrowed > 0 && narrowed < all, $"{narrowed} of {all}");
        Assert.Empty(visit.ConsoleErrors);
    }

    [BrowserFact(needsNodeJs: true)]
    public async Task A_paper_page_shows_related_papers_without_rel_tag()
    {
        using var server = Serve();
        var visit = await browser.Visit(server.BaseUrl + "papers/neural-diffusion-models/");
        var related = visit.Page.Locator("section.related li a");
        var count = await related.CountAsync();
        var rels = await visit.Page.Locator("section.related a[rel~=tag]").CountAsync();
        await visit.Page.CloseAsync();

        Assert.Equal(5, count);
        Assert.Equal(0, rels);
    }

    [BrowserFact(needsNodeJs: true)]
    public async Task Main_pages_load_without_console_errors_on_phone_and_desktop()
    {
        using var server = Serve();
        var pages = new Dictionary<string, string>
        {
            ["home"] = "",
            ["paper"] = "papers/stochastic-interpolants-a-unifying-framework-for-flows-and-diffusions/",
            ["topic"] = "topics/diffusion-models/",
            ["day"] = "days/2026-11-28/",
            ["search"] = "search/?q=interpolants",
        };
        foreach (var (name, path) in pages)
            foreach (var (viewport, width, height) in new[] { ("mobile", 390, 844), ("desktop", 1280, 800) })
            {
                var visit = await browser.Visit(server.BaseUrl + path, width, height);
                if (name == "search") await visit.Page.Locator("[data-search-results] li").First.WaitForAsync();
                var overflow = await visit.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
                await Shoot(visit.Page, $"{name}-{viewport}");
                await visit.Page.CloseAsync();
                Assert.True(visit.ConsoleErrors.Count == 0, $"{name} at {width}px: {string.Join(" | ", visit.ConsoleErrors)}");
                Assert.True(visit.FailedRequests.Count == 0, $"{name} at {width}px: {string.Join(", ", visit.FailedRequests)}");
                Assert.False(overflow, $"{name} at {width}px scrolls sideways");
            }
    }
}
