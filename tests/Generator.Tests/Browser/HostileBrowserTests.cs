using PaperTrail.Tests.Hostile;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Browser;

/// <summary>
/// Every page built from the hostile suite, loaded in Chromium: no dialog, no script, no console
/// error, both under the Content-Security-Policy netlify.toml sets and without it (so escaping,
/// not the policy, is what keeps the payloads inert).
/// </summary>
public sealed class HostileBrowserTests(HostileSite site, Support.Browser browser)
    : IClassFixture<HostileSite>, IClassFixture<Support.Browser>
{
    private IEnumerable<string> PageUrls(string baseUrl) =>
        site.Files("*.html").Select(f => baseUrl + Path.GetRelativePath(site.Output, f).Replace('\\', '/').Replace("index.html", ""));

    [BrowserFact]
    public async Task Pages_run_nothing_and_log_no_error_under_the_sites_csp()
    {
        var headers = NetlifyConfig.HeadersForAllPages();
        Assert.Contains("Content-Security-Policy", headers.Keys);
        Assert.DoesNotContain("unsafe-inline", headers["Content-Security-Policy"]);
        using var server = new StaticServer(site.Output, headers);

        var urls = PageUrls(server.BaseUrl).ToList();
        Assert.True(urls.Count > 17);
        foreach (var url in urls)
        {
            var visit = await browser.Visit(url);
            var executed = await visit.Page.EvaluateAsync<bool>("() => window.__pwned === true");
            await visit.Page.CloseAsync();
            Assert.True(visit.Dialogs.Count == 0, $"{url}: dialog {string.Join(", ", visit.Dialogs)}");
            Assert.True(visit.ConsoleErrors.Count == 0, $"{url}: {string.Join(" | ", visit.ConsoleErrors)}");
            Assert.True(visit.FailedRequests.Count == 0, $"{url}: failed {string.Join(", ", visit.FailedRequests)}");
            Assert.False(executed, url);
        }
    }

    [BrowserFact]
    public async Task Pages_run_nothing_even_without_a_csp()
    {
        using var server = new StaticServer(site.Output);
        foreach (var url in PageUrls(server.BaseUrl).Where(u => u.Contains("/papers/") || u.EndsWith('/')))
        {
            var visit = await browser.Visit(url);
            var scripts = await visit.Page.EvaluateAsync<int>("() => document.querySelectorAll('script:not([type=\"application/ld+json\"]):not([src^=\"/assets/reading.\"])').length");
            await visit.Page.CloseAsync();
            Assert.True(visit.Dialogs.Count == 0, $"{url}: dialog {string.Join(", ", visit.Dialogs)}");
            Assert.Equal(0, scripts);
        }
    }
}
