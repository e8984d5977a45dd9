using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Browser;

/// <summary>
/// A site built for GitHub Pages, served the way GitHub Pages serves it (no headers of its own), in
/// Chromium: the policy in each page's meta element is enforced, and search (Pagefind's script and
/// WebAssembly) still works under it, without a console error.
/// </summary>
public sealed class MetaCspBrowserTests(Support.Browser browser) : IClassFixture<Support.Browser>
{
    [BrowserFact(needsNodeJs: true)]
    public async Task Under_the_meta_policy_search_finds_a_paper_and_an_inline_style_is_refused()
    {
        using var site = new FixtureSite("title: Fixture Archive\nbase_url: https://example.org/\ndescription: A test archive.\nlanguage: en\nhost: github-pages\n") { Search = true }
            .Paper("milstein", "Milstein Schemes for Diffusion Sampling", "[2026-11-27]", "We study the Milstein scheme for sampling.")
            .Paper("other", "Another Paper", "[2026-11-28]", "Reinforcement learning from reward.")
            .BuildOk();
        using var server = new StaticServer(site.Output);

        var visit = await browser.Visit(server.BaseUrl + "search/?q=Milstein");
        await visit.Page.Locator("[data-search-results] li").First.WaitForAsync();
        var titles = await visit.Page.Locator("[data-search-results] .card-title a").AllTextContentsAsync();
        // An inline style put into the page: the meta policy (style-src 'self') refuses it, and says which directive did.
        var refused = await visit.Page.EvaluateAsync<string>("""
            () => new Promise(resolve => {
              document.addEventListener('securitypolicyviolation', e => resolve(e.effectiveDirective), { once: true });
              const style = document.createElement('style');
              style.textContent = 'body { color: red }';
              document.head.appendChild(style);
              setTimeout(() => resolve('applied'), 3000);
            })
            """);
        await visit.Page.CloseAsync();

        Assert.Contains("Milstein Schemes for Diffusion Sampling", titles);
        Assert.Equal("style-src-elem", refused);
        Assert.True(visit.FailedRequests.Count == 0, string.Join(", ", visit.FailedRequests));
        // The refused style is the one console error: search itself logged none.
        Assert.True(visit.ConsoleErrors.All(e => e.Contains("inline style", StringComparison.Ordinal)), string.Join(" | ", visit.ConsoleErrors));
    }
}
