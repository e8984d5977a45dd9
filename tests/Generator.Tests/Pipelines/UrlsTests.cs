using PaperTrail.Site;

namespace PaperTrail.Tests.Pipelines;

/// <summary>
/// Absolute URLs go into the sitemap, canonical links and every feed, where a wrong one sends crawlers
/// and readers elsewhere. The generator joins plain paths to the base itself (Uri costs many times
/// more): whatever the path, the URL must be the one Uri's own resolution gives.
/// </summary>
public class UrlsTests
{
    public static TheoryData<string> Bases => new()
    {
        "https://example.org/",
        "https://example.org/archive/",
        "https://example.org/archive",          // no trailing slash: "archive" is a file, replaced by the path
        "https://EXAMPLE.org:8443/Deep/Path/",
        "https://example.org/with%20space/",
        "https://example.org/?q=1",
        "http://localhost:8080/",
    };

    private static readonly string[] Paths =
    [
        "", "papers/x/", "papers/attention-is-all-you-need-1706-03762/", "arxiv/2201.00160", "feed.xml", "topics/3d/rss.xml",
        "topics/diffusion-models/2024-05/", "sitemap-1.xml", "_redirects",
        // Paths the fast join must leave to Uri: dot segments, roots, doubled slashes, capitals, escapes, other characters.
        "./a", "../a", "a/../b", "a/./b", "a/..", ".", "..", "/rooted/", "a//b", "Papers/X/", "a b/", "é/", "a%20b", "a?x=1", "a#top",
        "mailto:x", "~user/", "a\\b",
    ];

    [Theory]
    [MemberData(nameof(Bases))]
    public void AbsoluteIsWhatUriResolutionGives(string baseUrl)
    {
        var urls = new Urls(new Uri(baseUrl));
        foreach (var path in Paths)
            Assert.True(new Uri(new Uri(baseUrl), path).AbsoluteUri == urls.Absolute(path), $"base {baseUrl}, path \"{path}\": {urls.Absolute(path)}");
    }
}
