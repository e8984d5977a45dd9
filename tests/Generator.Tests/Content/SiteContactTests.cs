using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Content;

/// <summary>
/// site.yml's <c>contact</c> is a plain e-mail address or an http(s) address on another host, and
/// <c>check</c> and <c>build</c> judge it by the one same rule: what check refuses, build refuses with
/// the same line, and what check accepts builds into the footer link of every page.
/// </summary>
public sealed class SiteContactTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite().Paper("a", "Paper A", "[2026-11-28]", extra: "topics: [diffusion-models]");

    public void Dispose() => _site.Dispose();

    private void Contact(string value) =>
        _site.Write("content/site.yml", $"title: Fixture Archive\nbase_url: https://example.org/\ncontact: \"{value}\"\npage_size: 2\n");

    private Generator.Result Check() => Generator.Run("check", "--content", _site.Content, "--themes", _site.Themes);

    [Theory]
    // Passed check as an e-mail address, and became a script link on every page.
    [InlineData("javascript://x.co/%0Aalert(document.domain)//@x.co", "write a plain e-mail address")]
    [InlineData("javascript://x@x.co/%0Aalert(document.domain)", "write a plain e-mail address")]
    [InlineData("x.co%0A", "write a plain e-mail address")]
    [InlineData("someone@x.co%0A", "write a plain e-mail address")]
    [InlineData("someone@example.org?subject=x", "with nothing after it")]
    [InlineData("someone@example.org?cc=other@example.org&body=x", "with nothing after it")]
    [InlineData("mailto:someone@example.org", "without 'mailto:'")]
    [InlineData("data:text/html,<script>alert(1)</script>", "write a plain e-mail address")]
    [InlineData("someone@example", "write a plain e-mail address")]
    [InlineData("some one@example.org", "write a plain e-mail address")]
    [InlineData("https://example.org/contact/", "on this site's own host")]
    [InlineData("https://EXAMPLE.org:8443/about", "on this site's own host")]
    [InlineData("https://example.com@evil.example/", "a name before its host")]
    [InlineData("https://example.com/a b", "must be escaped")]
    public void Check_and_build_refuse_the_same_contact_on_the_same_line(string contact, string why)
    {
        Contact(contact);

        var checkResult = Check();
        var buildResult = _site.Build();

        var expected = $"site.yml:3: 'contact' has '{contact}': ";
        foreach (var result in new[] { checkResult, buildResult })
        {
            Assert.True(result.ExitCode == 1, result.ToString());
            var line = Assert.Single(result.Errors.TrimEnd().Split('\n'), l => l.Contains(expected, StringComparison.Ordinal));
            Assert.Contains(why, line);
        }
        Assert.False(_site.Exists("index.html"));
    }

    [Theory]
    [InlineData("someone@example.org", "mailto:someone@example.org")]
    [InlineData("o'brien+archive@lab.example.ie", "mailto:o'brien+archive@lab.example.ie")]
    [InlineData("someone@bücher.example", "mailto:someone@bücher.example")]
    [InlineData("https://lab.example.com/people/me/", "https://lab.example.com/people/me/")]
    [InlineData("http://lab.example.com/?who=me#contact", "http://lab.example.com/?who=me#contact")]
    public void An_accepted_contact_is_the_footer_link_of_every_page(string contact, string href)
    {
        Contact(contact);

        var checkResult = Check();
        Assert.True(checkResult.ExitCode == 0, checkResult.ToString());
        _site.BuildOk();

        foreach (var page in new[] { "index.html", "papers/a/index.html", "topics/index.html" })
        {
            var link = Assert.Single(_site.Html(page).QuerySelectorAll("footer a"), a => a.TextContent == "Contact");
            Assert.Equal(href, link.GetAttribute("href"));
        }
    }
}
