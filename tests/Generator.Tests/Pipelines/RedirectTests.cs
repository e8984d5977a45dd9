using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>Corrections a maintainer makes by hand keep every old address working.</summary>
public sealed class RedirectTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite()
        .Paper("kept", "The Kept Paper", "[2026-11-27]", extra: "arxiv: \"2401.00001\"\naliases: [old-kept-slug]")
        .Paper("duplicate", "The Kept Paper (duplicate)", "[2026-11-28]", extra: "arxiv: \"2401.00002\"\nredirect_to: kept")
        .BuildOk();

    public void Dispose() => _site.Dispose();

    private const string SiteYml = "title: Fixture Archive\nbase_url: https://example.org/\ndescription: A test archive.\nlanguage: en\n";

    private static FixtureSite OnHost(string host) => new FixtureSite(SiteYml + $"host: {host}\n")
        .Paper("kept", "The Kept Paper", "[2026-11-27]", extra: "arxiv: \"2401.00001\"\naliases: [old-kept-slug]")
        .Paper("duplicate", "The Kept Paper (duplicate)", "[2026-11-28]", extra: "arxiv: \"2401.00002\"\nredirect_to: kept")
        .BuildOk();

    [Fact]
    public void On_netlify_the_arxiv_address_is_a_rule_and_no_page()
    {
        Assert.Contains("/arxiv/2401.00001/ /papers/kept/ 301!", _site.Text("_redirects"));
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "arxiv")));
    }

    [Fact]
    public void On_netlify_an_old_slug_in_aliases_is_a_rule_and_no_page()
    {
        Assert.Contains("/papers/old-kept-slug/ /papers/kept/ 301!", _site.Text("_redirects"));
        Assert.False(_site.Exists("papers/old-kept-slug/index.html"));
    }

    [Fact]
    public void A_paper_merged_into_another_redirects_there_and_is_listed_nowhere()
    {
        Assert.Contains("/papers/duplicate/ /papers/kept/ 301!", _site.Text("_redirects"));
        Assert.Contains("/arxiv/2401.00002/ /papers/kept/ 301!", _site.Text("_redirects"));
        Assert.False(_site.Exists("papers/duplicate/index.html"));
        Assert.DoesNotContain("duplicate", _site.Text("feed.xml"));
        Assert.False(_site.Exists("days/2026-11-28/index.html")); // its only paper was merged away
        Assert.DoesNotContain("papers/duplicate/", _site.Text("sitemap.xml"));
    }

    [Fact]
    public void On_github_pages_every_old_address_is_a_page_that_sends_the_browser_on()
    {
        using var site = OnHost("github-pages");
        Assert.Equal("0; url=/papers/kept/", Refresh(site, "arxiv/2401.00001/index.html"));
        Assert.Equal("0; url=/papers/kept/", Refresh(site, "papers/old-kept-slug/index.html"));
        Assert.Equal("0; url=/papers/kept/", Refresh(site, "papers/duplicate/index.html"));
        Assert.Equal("0; url=/papers/kept/", Refresh(site, "arxiv/2401.00002/index.html"));
        Assert.False(site.Exists("_redirects")); // GitHub Pages reads no rules
    }

    [Fact]
    public void On_cloudflare_the_rules_have_no_force_mark_which_it_refuses()
    {
        using var site = OnHost("cloudflare");
        var rules = site.Text("_redirects");
        Assert.Contains("/arxiv/2401.00001/ /papers/kept/ 301\n", rules);
        Assert.DoesNotContain("!", rules);
        Assert.False(Directory.Exists(Path.Combine(site.Output, "arxiv")));
    }

    [Fact]
    public void On_cloudflare_past_its_2000_rules_the_old_addresses_are_pages()
    {
        using var site = new FixtureSite(SiteYml + "host: cloudflare\n");
        for (var i = 0; i < 2001; i++)
            site.Paper($"p{i}", $"Paper {i}", "[2026-11-27]", extra: $"arxiv: \"2401.{i:D5}\"");
        site.BuildOk();
        Assert.Equal("0; url=/papers/p2000/", Refresh(site, "arxiv/2401.02000/index.html"));
        Assert.DoesNotContain("/arxiv/", site.Text("_redirects"));
        Assert.Contains("/topics/other/page/* /topics/other/ 301", site.Text("_redirects"));
    }

    [Fact]
    public void An_unknown_host_is_named_with_its_line()
    {
        using var site = new FixtureSite(SiteYml + "host: geocities\n");
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("site.yml:5: 'host' has 'geocities'; the hosts known are netlify, github-pages, cloudflare", result.Errors);
    }

    private static string Refresh(FixtureSite site, string page) =>
        site.Html(page).QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content")!;

    [Fact]
    public void A_redirect_to_an_unknown_paper_is_left_out_of_the_build_and_fails_a_strict_one()
    {
        _site.Paper("orphan", "Orphan", "[2026-11-28]", extra: "redirect_to: nowhere");
        var result = _site.Build();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("orphan.md:5: redirect_to 'nowhere' names no other paper; this paper is left out of the site", result.Errors);
        Assert.False(_site.Exists("papers/orphan/index.html"));

        var strict = _site.Build("--strict");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("redirect_to 'nowhere' names no other paper", strict.Errors);
    }
}
