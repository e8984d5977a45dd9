using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Golden;

/// <summary>
/// One golden file per kind of page and feed, from one small site built by the real command line with
/// search on: the whole of what a reader or a feed reader gets, byte for byte. A change to a template,
/// a view or a writer shows here as a diff to review and approve (README.md beside this file).
/// </summary>
public sealed class GoldenPagesTests(GoldenPagesTests.Site site) : IClassFixture<GoldenPagesTests.Site>
{
    /// <summary>
    /// The site, built once for every kind: three papers on two days in two months, two topics, one
    /// formula, one author with two papers (author pages from two on), one closed week.
    /// </summary>
    public sealed class Site : IDisposable
    {
        private const string SiteYml =
            "title: Fixture Archive\nbase_url: https://example.org/\ndescription: A test archive.\nlanguage: en\nauthor: Tester\npage_size: 2\nfeed_size: 3\nauthor_min_papers: 2\n";

        private readonly FixtureSite _site = new FixtureSite(SiteYml) { Search = true }
            .Paper("stochastic-interpolants", "Stochastic Interpolants for Diffusion", "[2026-10-30]",
                "A unifying framework for flows and diffusions, with a loss $\\mathcal{L} = \\|v - \\dot{x}_t\\|^2$.",
                "topics: [diffusion-models]\nauthors: [Ada Lovelace, Alan Turing]\narxiv: \"2610.01234\"\nupvotes: 42")
            .Paper("reward-models", "Reward Models that Generalise", "[2026-11-02]",
                "Agents learn from reward & preference <feedback>.",
                "topics: [reinforcement-learning]\nauthors: [Grace Hopper]\nupvotes: 7")
            .Paper("neural-operators", "Neural Operators", "[2026-11-02]", "Learning maps between function spaces.",
                "authors: [Ada Lovelace]");

        public Site() => Build = _site.Build();

        public Generator.Result Build { get; }

        public byte[] Bytes(string relative) => File.ReadAllBytes(Path.Combine(_site.Output, relative));

        public void Dispose() => _site.Dispose();
    }

    public static TheoryData<string, string> Kinds => new()
    {
        { "home.html", "index.html" },
        { "paper.html", "papers/stochastic-interpolants/index.html" },
        { "day.html", "days/2026-11-02/index.html" },
        { "topic.html", "topics/diffusion-models/index.html" },
        { "topic-month.html", "topics/other/2026/11/index.html" },
        { "days.html", "days/index.html" },
        { "topics.html", "topics/index.html" },
        { "search.html", "search/index.html" },
        { "subscribe.html", "subscribe/index.html" },
        { "saved.html", "saved/index.html" },
        { "feed.rss.xml", "feed.xml" },
        { "feed.atom.xml", "atom.xml" },
        { "feed.json", "feed.json" },
        { "sitemap.xml", "sitemap.xml" },
        { "feed-archive.atom.xml", "archive/2026/11/atom.xml" },
        { "week.html", "top/week/2026-W44/index.html" },
        { "month.html", "top/month/2026-11/index.html" },
        { "day.bib", "days/2026-11-02/papers.bib" },
        { "weekly-digest.rss.xml", "digest/weekly.xml" },
        { "author.html", "authors/ada-lovelace/index.html" },
        { "author.atom.xml", "authors/ada-lovelace/atom.xml" },
    };

    [NodeTheory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_of_page_and_feed_is_as_approved(string golden, string output)
    {
        Assert.True(site.Build.ExitCode == 0 && site.Build.Errors.Length == 0, site.Build.ToString()); // every paper on the site, no warning
        Assert.Contains("search: indexed", site.Build.Output);
        GoldenFile.Verify(golden, site.Bytes(output));
    }
}
