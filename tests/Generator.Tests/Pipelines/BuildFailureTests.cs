using PaperTrail.Output;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>A build that cannot be right fails before it writes anything, and says why and where.</summary>
public sealed class BuildFailureTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite().Paper("a", "Paper A", "[2026-11-28]");

    public void Dispose() => _site.Dispose();


    [Fact]
    public void A_broken_internal_link_fails_the_build_naming_page_and_link_and_writes_nothing()
    {
        _site.BuildOk();
        var before = FolderSnapshot.Of(_site.Output);
        using var themes = new TempDir();
        _site.Themes = TestFiles.CopyDefaultTheme(themes.Path);
        var paperLayout = Path.Combine(themes.Path, "default", "layouts", "paper.liquid");
        File.AppendAllText(paperLayout, "<a href=\"{{ site.topics_href }}no-such-topic/\">x</a>\n");

        var result = _site.Build();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("papers/a/index.html", result.Errors);
        Assert.Contains("broken link '/topics/no-such-topic/'", result.Errors);
        Assert.Empty(before.Differences(FolderSnapshot.Of(_site.Output)));
    }

    [Theory]
    [InlineData("https://example.org/topics/no-such-topic/", true)]
    [InlineData("HTTPS://EXAMPLE.ORG/topics/no-such-topic/", true)]
    [InlineData("https://example.org:443/topics/no-such-topic/", true)]
    [InlineData("https://example.org/topics/", false)]
    [InlineData("https://arxiv.org/abs/no-such-paper", false)]
    [InlineData("https://example.org.evil.test/nope/", false)]
    public void Absolute_links_are_checked_when_they_point_into_the_site_only(string href, bool broken)
    {
        using var themes = new TempDir();
        _site.Themes = TestFiles.CopyDefaultTheme(themes.Path);
        File.AppendAllText(Path.Combine(themes.Path, "default", "layouts", "paper.liquid"), $"<a href=\"{href}\">x</a>\n");

        var result = _site.Build();

        Assert.Equal(broken ? 1 : 0, result.ExitCode);
        Assert.Equal(broken, result.Errors.Contains("broken link", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_yaml_in_a_paper_fails_a_strict_build_naming_file_and_line_and_writes_nothing()
    {
        _site.BuildOk();
        var before = FolderSnapshot.Of(_site.Output);
        _site.Write("content/papers/2026/11/broken.md", "---\ntitle: \"Fine\"\nslug: broken\ntrending: [2026-11-28\n---\n");

        var result = _site.Build("--strict");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"broken\.md:\d+: front matter is not valid YAML", result.Errors);
        Assert.Empty(before.Differences(FolderSnapshot.Of(_site.Output)));
    }

    [Fact]
    public void A_template_syntax_error_names_the_template()
    {
        using var themes = new TempDir();
        _site.Themes = TestFiles.CopyDefaultTheme(themes.Path);
        File.WriteAllText(Path.Combine(themes.Path, "default", "layouts", "day.liquid"), "{% for x in %}\n");

        var result = _site.Build();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("day.liquid", result.Errors);
        // Nothing of a site; only the lock, which is never removed (architecture.md, "One writer at a time").
        Assert.Equal([$"{OutputWriter.ManifestFolder}/{FolderLock.OutputLockName}"],
            Directory.EnumerateFiles(_site.Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_site.Output, f).Replace('\\', '/')));
    }

    [Fact]
    public void An_unknown_key_in_site_yml_is_named_with_its_line()
    {
        _site.Write("content/site.yml", "title: X\nbase_url: https://example.org/\ncolour: blue\n");
        var result = _site.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("site.yml:3: unknown key 'colour'", result.Errors);
    }
}
