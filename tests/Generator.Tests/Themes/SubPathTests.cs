using System.Text.RegularExpressions;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Themes;

/// <summary>A site served under a path (base_url https://example.org/archive/) links only inside that path.</summary>
public sealed class SubPathTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite("title: Sub\nbase_url: https://example.org/archive/\npage_size: 1\n")
        .Paper("a", "Paper A", "[2026-11-27]", extra: "topics: [diffusion-models]\narxiv: \"2401.00001\"\naliases: [old-a]")
        .Paper("b", "Paper B", "[2026-11-28]", extra: "topics: [diffusion-models]");

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Every_internal_link_and_address_is_under_the_base_path()
    {
        _site.BuildOk();
        var attribute = new Regex("""(?:href|src|content|data-pagefind|data-base)="([^"]*)" """.TrimEnd());
        var checkedLinks = 0;
        foreach (var file in Directory.GetFiles(_site.Output, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match match in attribute.Matches(text))
            {
                var url = match.Groups[1].Value;
                if (url.StartsWith('/')) { Assert.StartsWith("/archive/", url); checkedLinks++; }
                if (url.StartsWith("https://example.org", StringComparison.Ordinal)) { Assert.StartsWith("https://example.org/archive/", url); checkedLinks++; }
            }
            foreach (Match loc in Regex.Matches(text, "https://example\\.org[^\"<\\s]*"))
                Assert.StartsWith("https://example.org/archive/", loc.Value);
        }
        Assert.True(checkedLinks > 50, $"only {checkedLinks} links seen");
        Assert.All(File.ReadAllLines(Path.Combine(_site.Output, "_redirects")).Where(l => !l.StartsWith('#')),
            line => Assert.All(line.Split(' ').Take(2), part => Assert.StartsWith("/archive/", part)));
        Assert.Contains("Sitemap: https://example.org/archive/sitemap.xml", _site.Text("robots.txt"));
        Assert.Equal("/archive/topics/diffusion-models/2026/11/",
            _site.Html("topics/diffusion-models/index.html").QuerySelector(".topic-archive a")!.GetAttribute("href"));
        Assert.Equal("/archive/topics/diffusion-models/2026/11/page/2/",
            _site.Html("topics/diffusion-models/2026/11/index.html").QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
    }
}
