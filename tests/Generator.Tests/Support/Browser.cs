using Microsoft.Playwright;

namespace PaperTrail.Tests.Support;

/// <summary>
/// Headless Debian Chromium driven by Playwright, shared by a test class. Launched with the flags a
/// closed network needs; never downloads a browser of its own.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) return; // BrowserFact skips, or fails in CI
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null) await Chromium.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>What a page did while loading: console errors, uncaught exceptions, dialogs, failed requests.</summary>
    public sealed record PageVisit(IPage Page, List<string> ConsoleErrors, List<string> Dialogs, List<string> FailedRequests);

    public async Task<PageVisit> Visit(string url, int width = 1280, int height = 800)
    {
        var page = await Chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var visit = new PageVisit(page, [], [], []);
        page.Console += (_, message) => { if (message.Type == "error") visit.ConsoleErrors.Add(message.Text); };
        page.PageError += (_, error) => visit.ConsoleErrors.Add("uncaught: " + error);
        page.Dialog += async (_, dialog) => { visit.Dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        page.RequestFailed += (_, request) => visit.FailedRequests.Add(request.Url);
        page.Response += (_, response) => { if (response.Status >= 400 && !response.Url.EndsWith("/404.html", StringComparison.Ordinal)) visit.FailedRequests.Add($"{response.Status} {response.Url}"); };
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return visit;
    }
}

/// <summary>
/// A browser test: skipped where Debian's Chromium is not installed (a developer's fresh machine),
/// but never in CI (CI=true), where .ci/run installs it and a missing browser must fail.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Browser.ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"needs Debian's chromium at {Browser.ChromiumPath} (apt-get install chromium); .ci/run installs it";
    }
}

/// <summary>
/// A test of what the Node.js tools do (KaTeX, Pagefind): skipped where node is not installed (a
/// developer's fresh machine), never in CI (CI=true), where the machine has it.
/// </summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, "node")));
        if (!onPath && Environment.GetEnvironmentVariable("CI") != "true") Skip = "needs Node.js (node and npm) for KaTeX and Pagefind";
    }
}
