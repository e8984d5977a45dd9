using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Browser;

/// <summary>
/// Issue 27's acceptance on the seed (119 papers, one day) as a reader's phone and desktop show it:
/// the home page is a scannable list, nothing scrolls sideways, search reaches results past the
/// first 30 with one search box. Screenshots of each page kind at 390 and 1280 px go to
/// test-results/screenshots/reader-*.png.
/// </summary>
public sealed class ReaderLayoutTests(BuiltDefaultSite site, Support.Browser browser)
    : IClassFixture<BuiltDefaultSite>, IClassFixture<Support.Browser>
{
    private static readonly string Screenshots = Path.Combine(Repo.Root, "test-results", "screenshots");

    private StaticServer Serve()
    {
        Assert.True(site.Build.ExitCode == 0, site.Build.ToString());
        return new StaticServer(site.Output, NetlifyConfig.HeadersForAllPages());
    }

    private static async Task Shoot(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "reader-" + name + ".png"), FullPage = true });
    }

    [BrowserFact]
    public async Task The_seed_home_page_on_a_phone_is_under_12000_px_tall()
    {
        using var server = Serve();
        var visit = await browser.Visit(server.BaseUrl, 390, 844);
        var height = await visit.Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        var cards = await visit.Page.Locator("ol.cards > li").CountAsync();
        await visit.Page.CloseAsync();

        Assert.Equal(119, cards);
        Assert.True(height < 12_000, $"the home page is {height} px tall at 390 px");
    }

    [BrowserFact]
    public async Task Opening_a_cards_abstract_needs_no_script()
    {
        using var server = Serve();
        var page = await browser.Chromium.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await page.GotoAsync(server.BaseUrl + "days/2026-11-28/");
        var abstractText = page.Locator("ol.cards > li").First.Locator("details.card-abstract p").First;
        Assert.False(await abstractText.IsVisibleAsync());
        await page.Locator("ol.cards > li").First.Locator("details.card-abstract > summary").ClickAsync();
        Assert.True(await abstractText.IsVisibleAsync());
        await page.CloseAsync();
    }

    [BrowserFact(needsNodeJs: true)]
    public async Task Page_kinds_fit_a_phone_without_sideways_scrolling()
    {
        using var server = Serve();
        var pages = new Dictionary<string, string>
        {
            ["home"] = "",
            ["day"] = "days/2026-11-28/",
            ["topic"] = "topics/diffusion-models/",
            ["paper"] = "papers/stochastic-interpolants-a-unifying-framework-for-flows-and-diffusions/",
        };
        foreach (var (name, path) in pages)
            foreach (var width in new[] { 390, 1280 })
            {
                var visit = await browser.Visit(server.BaseUrl + path, width, 844);
                var overflow = await visit.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
                await Shoot(visit.Page, $"{name}-{width}");
                await visit.Page.CloseAsync();
                Assert.False(overflow, $"{name} at {width} px scrolls sideways");
                Assert.Empty(visit.ConsoleErrors);
            }
    }

    [BrowserFact(needsNodeJs: true)]
    public async Task Search_reaches_results_past_the_first_30_with_one_search_box()
    {
        using var server = Serve();
        foreach (var width in new[] { 390, 1280 })
        {
            var visit = await browser.Visit(server.BaseUrl + "search/?q=diffusion", width, 844);
            var results = visit.Page.Locator("[data-search-results] > li");
            await results.Nth(29).WaitForAsync();
            var status = await visit.Page.Locator("[data-search-status]").TextContentAsync() ?? "";
            var total = int.Parse(Regex.Match(status, @"(\d+) papers found").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(total > 30, status);
            Assert.Equal(30, await results.CountAsync());

            await visit.Page.Locator("[data-search-more]").ClickAsync();
            await results.Nth(Math.Min(total, 60) - 1).WaitForAsync();
            var shown = await results.CountAsync();
            var titles = await visit.Page.Locator("[data-search-results] .card-title a").AllTextContentsAsync();
            var searchBoxes = await visit.Page.Locator("input[type=search]:visible").CountAsync();
            var overflow = await visit.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            await Shoot(visit.Page, $"search-{width}");
            await visit.Page.CloseAsync();

            Assert.Equal(Math.Min(total, 60), shown);
            Assert.Equal(shown, titles.Distinct().Count()); // the second page follows the first, no repeats
            Assert.Equal(1, searchBoxes);
            Assert.False(overflow, $"search at {width} px scrolls sideways");
            Assert.Empty(visit.ConsoleErrors);
        }
    }
}
