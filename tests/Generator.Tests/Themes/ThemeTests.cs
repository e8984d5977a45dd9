using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Themes;

/// <summary>A forker's theme overrides files of the default theme by path and inherits the rest.</summary>
public sealed class ThemeTests : IDisposable
{
    private readonly TempDir _themes = new();

    public void Dispose() => _themes.Dispose();

    private static FixtureSite Site(string theme) => new FixtureSite(
            $"title: Themed\nbase_url: https://example.org/\ntheme: {theme}\npage_size: 2\n")
        .Paper("a", "Paper A", "[2026-11-27]", extra: "topics: [diffusion-models]")
        .Paper("b", "Paper B", "[2026-11-28]");


    [Fact]
    public void Overriding_one_layout_changes_only_that_layouts_pages()
    {
        var themes = TestFiles.CopyDefaultTheme(_themes.Path);
        _themes.Write("mine/layouts/day.liquid", "<h1>My day {{ model.date }}</h1>\n");
        using var plain = Site("default");
        plain.Themes = themes;
        plain.BuildOk();
        using var mine = Site("mine");
        mine.Themes = themes;
        mine.BuildOk();

        var before = FolderSnapshot.Of(plain.Output).Files;
        var after = FolderSnapshot.Of(mine.Output).Files;
        Assert.Equal(before.Keys, after.Keys);
        var changed = before.Keys.Where(k => before[k].Hash != after[k].Hash && !k.StartsWith(".paper-trail/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["days/2026-11-27/index.html", "days/2026-11-28/index.html"], changed);
        Assert.Equal("My day 2026-11-28", mine.Html("days/2026-11-28/index.html").QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void The_minimal_theme_builds_with_its_own_stylesheet_and_the_default_layouts()
    {
        using var site = Site("minimal");
        site.BuildOk();

        var css = site.Html("index.html").QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Contains("Georgia", File.ReadAllText(Path.Combine(site.Output, css.TrimStart('/'))));
        Assert.NotNull(site.Html("days/2026-11-28/index.html").QuerySelector("ol.day-titles"));
        Assert.NotNull(site.Html("papers/a/index.html").QuerySelector("section.abstract")); // inherited paper.liquid
        Assert.True(site.Exists("assets/favicon.svg"));                                    // inherited asset
    }

    [Fact]
    public void A_theme_that_does_not_exist_is_an_error_naming_it()
    {
        using var site = Site("nope");
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("theme 'nope' not found", result.Errors);
    }
}
