using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Content;

/// <summary>
/// What <c>check</c> accepts in site.yml, <c>build</c> builds: values check passed and build then
/// failed on (every link "broken"), found by trying odd values of each key.
/// </summary>
public sealed class SiteYmlAgreementTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite()
        .Paper("a", "Paper A", "[2026-10-28]", extra: "topics: [diffusion-models]")
        .Paper("b", "Paper B", "[2026-11-28]", extra: "topics: [diffusion-models]");

    public void Dispose() => _site.Dispose();

    private Generator.Result Check() => Generator.Run("check", "--content", _site.Content, "--themes", _site.Themes);

    [Theory]
    [InlineData("https://example.org/a%2Fb/")]
    [InlineData("https://example.org/archiv%C3%A9/")]
    [InlineData("https://example.org/..%2F../")]
    public void A_base_url_with_escapes_is_refused_by_check_and_build_on_its_line(string baseUrl)
    {
        _site.Write("content/site.yml", $"title: Fixture Archive\nbase_url: {baseUrl}\n");

        foreach (var result in new[] { Check(), _site.Build() })
        {
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains($"site.yml:2: 'base_url' has '{baseUrl}': a path with escaped characters (%…) is not supported", result.Errors);
            Assert.DoesNotContain("broken link", result.Errors);
        }
    }

    [Fact]
    public void The_largest_page_size_check_accepts_builds_every_topic_month()
    {
        _site.Write("content/site.yml", $"title: Fixture Archive\nbase_url: https://example.org/\npage_size: {int.MaxValue}\n");

        Assert.Equal(0, Check().ExitCode);
        _site.BuildOk();

        Assert.True(_site.Exists("topics/diffusion-models/2026/10/index.html"));
        Assert.True(_site.Exists("topics/diffusion-models/2026/11/index.html"));
        Assert.False(_site.Exists("topics/diffusion-models/2026/11/page/2/index.html"));
    }
}
