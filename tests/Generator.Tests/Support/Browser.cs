using Microsoft.Playwright;

namespace PaperTrail.Tests.Support;

/// <summary>
/// Headless Chromium driven by Playwright, shared by a test class: Debian's at /usr/bin/chromium, or
/// the one PAPER_TRAIL_CHROMIUM names (Chrome on a Windows runner). Launched with the flags a closed
/// network needs; never downloads a browser of its own.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string PathVariable = "PAPER_TRAIL_CHROMIUM";
    public const string DebianChromium = "/usr/bin/chromium";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DebianChromium;

    private IPlaywright? _playwright;
    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Requirements.MissingChromium() is { } missing)
        {
            // BrowserFact skips on a developer's machine; in CI a browser test must run, so it fails here.
            if (Requirements.InCi) throw new InvalidOperationException(missing + ", and CI must run the browser tests");
            return;
        }
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
