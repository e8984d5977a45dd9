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

    private string RefreshTarget(string page) =>
        _site.Html(page).QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content")!;

    [Fact]
    public void The_arxiv_address_leads_to_the_paper_page()
    {
        Assert.Equal("0; url=/papers/kept/", RefreshTarget("arxiv/2401.00001/index.html"));
        Assert.Contains("/arxiv/2401.00001/ /papers/kept/ 301!", _site.Text("_redirects"));
    }

    [Fact]
    public void An_old_slug_in_aliases_leads_to_the_paper_page()
    {
        Assert.Equal("0; url=/papers/kept/", RefreshTarget("papers/old-kept-slug/index.html"));
        Assert.Contains("/papers/old-kept-slug/ /papers/kept/ 301!", _site.Text("_redirects"));
    }

    [Fact]
    public void A_paper_merged_into_another_redirects_there_and_is_listed_nowhere()
    {
        Assert.Equal("0; url=/papers/kept/", RefreshTarget("papers/duplicate/index.html"));
        Assert.Equal("0; url=/papers/kept/", RefreshTarget("arxiv/2401.00002/index.html"));
        Assert.DoesNotContain("duplicate", _site.Text("feed.xml"));
        Assert.False(_site.Exists("days/2026-11-28/index.html")); // its only paper was merged away
        Assert.DoesNotContain("papers/duplicate/", _site.Text("sitemap.xml"));
    }

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
