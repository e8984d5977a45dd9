using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Themes;

/// <summary>
/// A theme's broken link fails the build however the template writes it (any quoting, case or
/// spacing, an image, a srcset candidate, a stylesheet link), as a browser would read the page;
/// what a browser would not follow (text in an attribute, a comment, a script) is not reported.
/// </summary>
public sealed class ThemeLinkTests : IDisposable
{
    private readonly TempDir _themes = new();
    private readonly FixtureSite _site = new FixtureSite().Paper("a", "Paper A", "[2026-11-28]");

    public void Dispose()
    {
        _site.Dispose();
        _themes.Dispose();
    }

    /// <summary>Builds with the default theme's paper layout followed by <paramref name="markup"/>.</summary>
    private Generator.Result BuildWithPaperLayoutEnding(string markup)
    {
        _site.Themes = TestFiles.CopyDefaultTheme(_themes.Path);
        File.AppendAllText(Path.Combine(_themes.Path, "default", "layouts", "paper.liquid"), "\n" + markup + "\n");
        return _site.Build();
    }

    [Theory]
    [InlineData("<a href='/missing/'>single quotes</a>", "/missing/")]
    [InlineData("<a HREF=\"/missing/\">upper case</a>", "/missing/")]
    [InlineData("<a class=\"x\"\nhref=\"/missing/\">a newline before href</a>", "/missing/")]
    [InlineData("<a href=/missing/>unquoted</a>", "/missing/")]
    [InlineData("<img src=\"/missing.png\" alt=\"\">", "/missing.png")]
    [InlineData("<img src=\"/assets/favicon.svg\" srcset=\"/assets/favicon.svg 1x, /missing.png 2x\" alt=\"\">", "/missing.png")]
    [InlineData("<link rel=\"preload\" as=\"image\" href=\"/missing.css\">", "/missing.css")]
    [InlineData("<script src='/missing.js'></script>", "/missing.js")]
    public void A_broken_link_in_a_template_fails_the_build_naming_page_and_link(string markup, string link)
    {
        var result = BuildWithPaperLayoutEnding(markup);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"papers/a/index.html: broken link '{link}'", result.Errors);
        Assert.False(Directory.Exists(_site.Output) && Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public void Good_links_of_every_form_pass_and_what_a_browser_would_not_follow_is_not_reported()
    {
        var result = BuildWithPaperLayoutEnding("""
            <a href='/topics/'>single quotes</a> <a HREF="/days/">upper case</a>
            <a class="x"
               href="/">a newline before href</a> <a href=/topics/>unquoted</a>
            <img src="/assets/favicon.svg" srcset="/assets/favicon.svg 1x, /assets/favicon.svg 2x" alt="">
            <link rel="preload" as="image" href="/assets/favicon.svg">
            <div data-x="href=/missing/" title='<a href="/missing/">'>attribute text</div>
            <!-- <a href="/missing/">a link in a comment</a> -->
            <script>const template = '<a href="/missing/">in a script</a>';</script>
            """);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("broken link", result.Errors);
        Assert.NotNull(_site.Html("papers/a/index.html").QuerySelector("div[data-x='href=/missing/']"));
    }
}
