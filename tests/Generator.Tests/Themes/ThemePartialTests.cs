using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Themes;

/// <summary>
/// A theme's <c>{% include %}</c> and <c>{% render %}</c> find partials in the theme chain (the theme's
/// partials/, then the default theme's) and nowhere else: a missing partial, or a name that would
/// leave the chain, is a template error naming the template file and the line of the tag (exit 1,
/// from check and build alike), and a file outside the themes folder is never read.
/// </summary>
public sealed class ThemePartialTests : IDisposable
{
    private const string Secret = "SECRET OUTSIDE THE THEMES FOLDER";

    private readonly TempDir _themes = new();
    private readonly TempDir _outside = new();
    private readonly FixtureSite _site;

    public ThemePartialTests()
    {
        TestFiles.CopyDefaultTheme(_themes.Path);
        _outside.Write("secret.liquid", $"<p>{Secret}</p>\n");
        _site = new FixtureSite("title: Themed\nbase_url: https://example.org/\ntheme: mine\n")
            .Paper("a", "Paper A", "[2026-11-28]", extra: "topics: [diffusion-models]");
        _site.Themes = _themes.Path;
    }

    public void Dispose()
    {
        _site.Dispose();
        _outside.Dispose();
        _themes.Dispose();
    }

    /// <summary>The day layout of the theme "mine", its tag on line 3.</summary>
    private void DayLayout(string tag) => _themes.Write("mine/layouts/day.liquid", $"<h1>My day {{{{ model.date }}}}</h1>\n<p>before</p>\n{tag}\n");

    /// <summary>The secret file named from mine/partials/, by a path that climbs out of the themes folder.</summary>
    private string OutsideName() =>
        Path.GetRelativePath(_themes["mine/partials"], _outside["secret"]).Replace('\\', '/');

    private void AssertRefused(Generator.Result result, string expected)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(result.Errors.Contains(expected, StringComparison.Ordinal), result.ToString());
        Assert.DoesNotContain("crash", result.Errors);
        Assert.False(Directory.Exists(_site.Output) && Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories).Any(),
            "a build with a template error wrote pages");
    }

    [Theory]
    [InlineData("render")]
    [InlineData("include")]
    public void A_missing_partial_names_the_template_and_the_line(string tag)
    {
        DayLayout($"{{% {tag} 'nope' %}}");

        var expected = $"mine/layouts/day.liquid:3: template error: {{% {tag} 'nope' %}}: there is no partials/nope.liquid in ";
        AssertRefused(_site.Build(), expected);
        AssertRefused(Generator.Run("check", "--content", _site.Content, "--themes", _site.Themes), expected);
    }

    [Theory]
    [InlineData("render")]
    [InlineData("include")]
    public void A_partial_outside_the_themes_folder_is_never_read(string tag)
    {
        var name = OutsideName();
        Assert.StartsWith("../../", name);
        DayLayout($"{{% {tag} '{name}' %}}");

        var result = _site.Build();

        AssertRefused(result, $"mine/layouts/day.liquid:3: template error: {{% {tag} '{name}' %}}: a partial is named by its path inside partials/ of the theme, and this name would leave it");
        Assert.DoesNotContain(Secret, result.Errors + result.Output);
    }

    [Theory]
    [InlineData("../../default/partials/pager")] // another theme's folder, reached by climbing out of this one's
    [InlineData("/../../secret")]
    [InlineData("C:/Windows/win")]
    public void Any_name_that_climbs_out_of_partials_is_refused(string name)
    {
        DayLayout($"{{% include '{name}' %}}");
        AssertRefused(_site.Build(), "mine/layouts/day.liquid:3: template error:");
    }

    [Fact]
    public void A_partial_named_by_a_variable_is_refused_when_the_page_renders()
    {
        DayLayout($"{{% assign name = '{OutsideName()}' %}}{{% include name %}}");

        var result = _site.Build();

        AssertRefused(result, "mine/layouts/day.liquid: template error: an include or render (in it, or in a partial it includes) names ");
        Assert.Contains("this name would leave it", result.Errors);
        Assert.DoesNotContain(Secret, result.Errors + result.Output);
    }

    [Fact]
    public void Partials_of_the_theme_and_of_its_fallback_are_found_and_a_commented_out_tag_is_no_tag()
    {
        _themes.Write("mine/partials/note.liquid", "<p class=\"note\">a note of mine</p>\n");
        _themes.Write("mine/partials/cards/small.liquid", "<p class=\"small\">small card</p>\n");
        DayLayout("{% render 'note' %}{% include 'cards/small' %}{% comment %}{% include 'gone' %}{% endcomment %}");

        _site.BuildOk();

        var day = _site.Html("days/2026-11-28/index.html");
        Assert.Equal("a note of mine", day.QuerySelector("p.note")!.TextContent);
        Assert.Equal("small card", day.QuerySelector("p.small")!.TextContent);
        Assert.NotNull(_site.Html("topics/diffusion-models/2026/11/index.html").QuerySelector("main")); // the default theme's own partials still render
    }
}
