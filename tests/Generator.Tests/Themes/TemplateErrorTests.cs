using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Themes;

/// <summary>
/// A template whose filters fail as it runs (a division by zero, a number past what the filter takes)
/// is the theme's mistake: exit 1 naming the template, in a layout or in a partial, never a crash.
/// </summary>
public sealed class TemplateErrorTests : IDisposable
{
    private readonly TempDir _themes = new();
    private readonly FixtureSite _site;

    public TemplateErrorTests()
    {
        TestFiles.CopyDefaultTheme(_themes.Path);
        _site = new FixtureSite("title: Themed\nbase_url: https://example.org/\ntheme: mine\n").Paper("a", "Paper A", "[2026-11-28]");
        _site.Themes = _themes.Path;
    }

    public void Dispose()
    {
        _site.Dispose();
        _themes.Dispose();
    }

    [Theory]
    [InlineData("mine/layouts/day.liquid", "{{ 1 | divided_by: 0 }}", "divide by zero")]
    [InlineData("mine/layouts/day.liquid", "{{ 7 | modulo: 0 }}", "divide by zero")]
    [InlineData("mine/layouts/day.liquid", "{{ 'abc' | slice: 99999999999 }}", "too large or too small")]
    [InlineData("mine/partials/paper-card.liquid", "{{ paper.title | size | divided_by: 0 }}", "divide by zero")]
    public void A_filter_that_fails_as_the_page_renders_names_the_template(string file, string template, string why)
    {
        _themes.Write(file, template + "\n");

        var result = _site.Build();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.DoesNotContain("crash", result.Errors);
        Assert.Contains($"{file}: template error: ", result.Errors.Replace('\\', '/'));
        Assert.Contains(why, result.Errors);
    }
}
