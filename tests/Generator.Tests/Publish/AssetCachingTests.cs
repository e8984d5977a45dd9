using System.Security.Cryptography;
using System.Text.RegularExpressions;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Publish;

/// <summary>
/// netlify.toml lets browsers keep a file for a year without asking again ("immutable") only where the
/// name itself changes with the bytes: a reader never keeps an old stylesheet, favicon or font after a
/// change. Checked on what builds publish, with the default theme and with a fork's theme that adds
/// the kinds of assets docs/theming.md names (stylesheets, scripts, icons, fonts, in subfolders).
/// </summary>
public sealed partial class AssetCachingTests : IDisposable
{
    private readonly TempDir _themes = new();

    public void Dispose() => _themes.Dispose();

    /// <summary>style.3f2a9c1e.css: the first 8 hex digits of the SHA-256 of the file's own bytes, before the extension.</summary>
    [GeneratedRegex(@"\.(?<hash>[0-9a-f]{8})\.[A-Za-z0-9]+$")]
    private static partial Regex HashInName();

    private static bool NamedByItsBytes(string file)
    {
        var match = HashInName().Match(Path.GetFileName(file));
        return match.Success && match.Groups["hash"].Value == Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))[..8];
    }

    private static bool CachedAsImmutable(string path) =>
        NetlifyHeaderRule.All().Any(rule => rule.Matches(path)
            && rule.Values.TryGetValue("Cache-Control", out var cache) && cache.Contains("immutable", StringComparison.OrdinalIgnoreCase));

    /// <summary>Each published file (the build's own records aside: never uploaded) by its address.</summary>
    private static List<(string Address, string File)> Published(string output) =>
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => (Address: "/" + Path.GetRelativePath(output, f).Replace('\\', '/'), File: f))
            .Where(f => !f.Address.StartsWith("/.paper-trail/", StringComparison.Ordinal))
            .ToList();

    [Theory]
    [InlineData("default")]
    [InlineData("fork")]
    public void Every_file_cached_as_immutable_has_a_hash_of_its_bytes_in_its_name_and_every_such_file_is(string theme)
    {
        var themes = TestFiles.CopyDefaultTheme(_themes.Path);
        _themes.Write("fork/assets/style.css", "@font-face { font-family: Body; src: url(fonts/body.woff2); }\nbody { font-family: Body; background: url(images/paper.png); }\n");
        _themes.Write("fork/assets/fonts/body.woff2", "wOF2 not really a font");
        _themes.Write("fork/assets/images/paper.png", "not really a png");
        _themes.Write("fork/assets/icons/arrow.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        _themes.Write("fork/assets/print/print.css", "body { color: black; }");
        _themes.Write("fork/assets/scripts/menu.js", "document.documentElement.dataset.menu = 'on';");
        using var site = new FixtureSite($"title: Cached\nbase_url: https://example.org/\ntheme: {theme}\npage_size: 2\n")
            .Paper("a", "Paper A", "[2026-11-27]", extra: "topics: [diffusion-models]")
            .Paper("b", "Paper B", "[2026-11-28]");
        site.Themes = themes;
        site.BuildOk();

        var published = Published(site.Output);
        var immutable = published.Where(f => CachedAsImmutable(f.Address)).ToList();
        Assert.All(immutable, f => Assert.True(NamedByItsBytes(f.File), $"{f.Address} is cached for a year but its name does not change with its bytes"));
        // And the other way: what is fingerprinted is cached, or the fingerprint buys nothing.
        Assert.All(published.Where(f => NamedByItsBytes(f.File)), f => Assert.True(CachedAsImmutable(f.Address), f.Address));
        Assert.Contains(immutable, f => f.Address.StartsWith("/assets/style.", StringComparison.Ordinal));
        Assert.Contains(immutable, f => f.Address.StartsWith("/assets/search.", StringComparison.Ordinal));
        Assert.Contains(immutable, f => f.Address.StartsWith("/assets/reading.", StringComparison.Ordinal));
        // The issue's case: the favicon keeps its fixed name, so it is revalidated, not kept for a year.
        Assert.Contains(published, f => f.Address == "/assets/favicon.svg");
        Assert.False(CachedAsImmutable("/assets/favicon.svg"));
        if (theme == "fork")
        {
            var unhashed = immutable.Select(f => HashInName().Replace(f.Address, m => m.Value[9..])).Order(StringComparer.Ordinal);
            Assert.Equal(["/assets/print/print.css", "/assets/reading.js", "/assets/scripts/menu.js", "/assets/search.js", "/assets/style.css"], unhashed);
            Assert.All(new[] { "/assets/fonts/body.woff2", "/assets/images/paper.png", "/assets/icons/arrow.svg" }, address =>
            {
                Assert.Contains(published, f => f.Address == address);
                Assert.False(CachedAsImmutable(address), address);
            });
        }
    }

    [Fact]
    public void Header_paths_are_matched_as_netlify_matches_them()
    {
        var rule = (string path) => new NetlifyHeaderRule(path, new Dictionary<string, string>());

        Assert.True(rule("/*").Matches("/"));
        Assert.True(rule("/*").Matches("/papers/a/index.html"));
        Assert.True(rule("/assets/*.css").Matches("/assets/style.3f2a9c1e.css"));
        Assert.True(rule("/assets/*.css").Matches("/assets/print/print.3f2a9c1e.css"));
        Assert.True(rule("/assets/*.js").Matches("/assets/a.mjs")); // a dot there is any character, as at Netlify
        Assert.False(rule("/assets/*.css").Matches("/assets/favicon.svg"));
        Assert.False(rule("/assets/*.css").Matches("/style.css"));
        Assert.True(rule("/topics/*/feed.xml").Matches("/topics/diffusion-models/feed.xml"));
        Assert.True(rule("/papers/:slug/").Matches("/papers/a/"));
        Assert.False(rule("/papers/:slug/").Matches("/papers/a/b/"));
        Assert.True(rule("/FEED.xml").Matches("/feed.xml"));
    }
}
