using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PaperTrail.Site;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Publish;

/// <summary>
/// GitHub Pages sends no headers of a site's own, so netlify.toml's Content-Security-Policy would be
/// lost there: on such a host every HTML page carries the policy in a <c>&lt;meta http-equiv&gt;</c>,
/// before anything the policy governs, and on Netlify (which sends the header) none does.
/// </summary>
public sealed class MetaCspTests
{
    private const string SiteYml = "title: Fixture Archive\nbase_url: https://example.org/\ndescription: A test archive.\nlanguage: en\n";
    private static readonly HtmlParser Parser = new();

    private static FixtureSite OnHost(string? host) => new FixtureSite(SiteYml + (host is null ? "" : $"host: {host}\n"))
        // An old slug and an arXiv id: on GitHub Pages both are redirect pages, which must carry the policy too.
        .Paper("kept", "The Kept Paper", "[2026-11-27]", extra: "arxiv: \"2401.00001\"\naliases: [old-kept-slug]")
        .Paper("other", "Another Paper", "[2026-11-28]")
        .BuildOk();

    private static List<string> HtmlPages(FixtureSite site) =>
        Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + ".paper-trail" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();

    private static IElement? MetaCsp(FixtureSite site, string page) =>
        Parser.ParseDocument(site.Text(page)).Head!.Children.SingleOrDefault(e => e.LocalName == "meta" && string.Equals(e.GetAttribute("http-equiv"), "Content-Security-Policy", StringComparison.OrdinalIgnoreCase));

    /// <summary>netlify.toml's header without what a meta policy cannot hold (CSP 3: frame-ancestors, report-uri, sandbox).</summary>
    private static string NetlifyPolicyForMeta() =>
        string.Join("; ", NetlifyConfig.HeadersForAllPages()["Content-Security-Policy"]
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(d => d.Split(' ')[0] is not ("frame-ancestors" or "report-uri" or "sandbox")));

    [Theory]
    [InlineData("github-pages")]
    [InlineData("cloudflare")]
    public void On_a_host_without_headers_every_html_page_carries_netlifys_policy_before_any_style_or_script(string host)
    {
        using var site = OnHost(host);
        var pages = HtmlPages(site);
        Assert.Contains("404.html", pages);
        Assert.Contains("papers/kept/index.html", pages);
        if (host == "github-pages")
        {
            // Old addresses are pages there (Cloudflare keeps them as rules while they fit).
            Assert.Contains("papers/old-kept-slug/index.html", pages);
            Assert.Contains("arxiv/2401.00001/index.html", pages);
        }

        foreach (var page in pages)
        {
            var meta = MetaCsp(site, page);
            Assert.True(meta is not null, $"{page} has no meta Content-Security-Policy");
            Assert.Equal(NetlifyPolicyForMeta(), meta!.GetAttribute("content"));
            // A policy applies only to what comes after it: nothing it governs may come first.
            var before = meta.ParentElement!.Children.TakeWhile(e => e != meta).Select(e => e.LocalName).ToList();
            Assert.True(before.All(n => n == "meta"), $"{page}: {string.Join(", ", before)} before the policy");
            Assert.Equal("utf-8", meta.ParentElement.Children[0].GetAttribute("charset"));
        }
    }

    [Theory]
    [InlineData("netlify")]
    [InlineData(null)]
    public void On_netlify_no_page_carries_a_meta_policy_the_header_sends_it(string? host)
    {
        using var site = OnHost(host);
        var pages = HtmlPages(site);
        Assert.Contains("404.html", pages);

        Assert.All(pages, page => Assert.Null(MetaCsp(site, page)));
    }

    [Fact]
    public void The_generators_policy_is_the_one_netlify_toml_sends_and_its_meta_form_drops_only_what_a_meta_cannot_hold()
    {
        Assert.Equal(NetlifyConfig.HeadersForAllPages()["Content-Security-Policy"], ContentSecurityPolicy.Header);
        Assert.Equal(NetlifyPolicyForMeta(), ContentSecurityPolicy.ForMeta);
        Assert.Contains("frame-ancestors 'none'", ContentSecurityPolicy.Header);
        Assert.DoesNotContain("frame-ancestors", ContentSecurityPolicy.ForMeta);
    }

    /// <summary>The host is site.yml's, in every page's shared hash: a rebuild after changing it is the cold build of the new host.</summary>
    [Theory]
    [InlineData("netlify", "github-pages")]
    [InlineData("github-pages", "netlify")]
    public void Changing_the_host_rebuilds_every_page_as_a_cold_build_of_the_new_host_would(string from, string to)
    {
        using var site = OnHost(from);
        site.Write("content/site.yml", SiteYml + $"host: {to}\n");
        site.BuildOk();
        using var cold = OnHost(to);

        var incremental = FolderSnapshot.Of(site.Output).Files.Where(f => !f.Key.StartsWith(".paper-trail/", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value.Hash);
        var fresh = FolderSnapshot.Of(cold.Output).Files.Where(f => !f.Key.StartsWith(".paper-trail/", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value.Hash);
        Assert.Equal(fresh.OrderBy(f => f.Key, StringComparer.Ordinal), incremental.OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.All(HtmlPages(site), page => Assert.Equal(to == "github-pages", MetaCsp(site, page) is not null));
    }
}
