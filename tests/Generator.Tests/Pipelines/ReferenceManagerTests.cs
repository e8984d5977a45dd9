using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PaperTrail.Tests.Feeds;
using PaperTrail.Tests.Publish;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>
/// What Zotero, Google Scholar and a BibTeX reader get from the 12 captured days of the trending
/// corpus: the DOI and abstract on every paper page, COinS on every list page that Zotero's rules read
/// back into the papers shown, and a .bib per day and per topic month with the paper pages' entries.
/// </summary>
public sealed partial class ReferenceManagerTests(CorpusSlice slice) : IClassFixture<CorpusSlice>
{
    private static readonly HtmlParser Parser = new();

    // Each paper page is read once per list that shows it: parsed once.
    private readonly Dictionary<string, IHtmlDocument> _parsed = new(StringComparer.Ordinal);

    private IHtmlDocument Html(string relative) =>
        _parsed.TryGetValue(relative, out var page) ? page : _parsed[relative] = Parser.ParseDocument(slice.Text(relative));

    private IEnumerable<string> Pages(string pattern) =>
        Directory.EnumerateFiles(slice.Output, "index.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(slice.Output, f).Replace('\\', '/'))
            .Where(f => Regex.IsMatch(f, pattern)).Order(StringComparer.Ordinal);

    [Fact]
    public void Every_paper_page_with_an_arxiv_id_gives_its_datacite_doi_to_scholar_json_ld_and_bibtex()
    {
        var withId = 0;
        foreach (var file in Pages(@"^papers/[^/]+/index\.html$"))
        {
            var page = Html(file);
            string? Meta(string name) => page.QuerySelector($"meta[name='{name}']")?.GetAttribute("content");
            Assert.Matches(@"^\d{4}/\d{2}/\d{2}$", Meta("citation_online_date") ?? "");
            Assert.False(string.IsNullOrWhiteSpace(Meta("citation_abstract")), file);
            if (Meta("citation_arxiv_id") is not { } id) continue;
            withId++;
            var doi = "10.48550/arXiv." + id;
            Assert.Equal(doi, Meta("citation_doi"));
            Assert.Contains($"doi = {{{doi}}}", page.QuerySelector("pre.bibtex")!.TextContent);
            using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
            var identifiers = json.RootElement.GetProperty("identifier").EnumerateArray()
                .ToDictionary(i => i.GetProperty("propertyID").GetString()!, i => i.GetProperty("value").GetString());
            Assert.Equal(doi, identifiers["DOI"]);
            Assert.Contains("https://doi.org/" + doi, json.RootElement.GetProperty("sameAs").EnumerateArray().Select(s => s.GetString()));
        }
        Assert.True(withId >= 300, $"only {withId} paper pages with an arXiv id");
    }

    [Fact]
    public void Zotero_reads_every_paper_of_a_day_a_topic_month_and_a_top_page_from_its_coins()
    {
        var lists = Pages(@"^days/\d{4}-\d{2}-\d{2}/").Concat(Pages(@"^topics/[^/]+/\d{4}/\d{2}/")).Concat(Pages(@"^top/")).ToList();
        Assert.True(lists.Count > 100, $"only {lists.Count} list pages");
        foreach (var file in lists)
        {
            var page = Html(file);
            var cards = page.QuerySelectorAll("main article.card").ToList();
            var items = ZoteroCoins.Read(page);
            Assert.True(cards.Count == items.Count, $"{file}: {cards.Count} papers, {items.Count} COinS");
            for (var i = 0; i < cards.Count; i++)
            {
                var item = items[i];
                var href = cards[i].QuerySelector(".card-title a")!.GetAttribute("href")!;
                var paper = Html(href.TrimStart('/') + "index.html");
                string? Meta(string name) => paper.QuerySelector($"meta[name='{name}']")?.GetAttribute("content");
                // Zotero reads "+" as a space: a title's plus signs arrive so.
                Assert.Equal(Meta("citation_title")!.Replace('+', ' '), item.Title);
                Assert.Equal(paper.QuerySelectorAll("meta[name='citation_author']").Select(m => m.GetAttribute("content")!.Replace('+', ' ')), item.Authors);
                Assert.Equal(Meta("citation_publication_date")!.Replace('/', '-'), item.Date);
                if (Meta("citation_arxiv_id") is { } id)
                {
                    Assert.Equal(Meta("citation_doi"), item.Doi);
                    Assert.Equal("https://arxiv.org/abs/" + id, item.Url);
                }
                else Assert.Equal(paper.QuerySelector("link[rel='canonical']")!.GetAttribute("href"), item.Url);
            }
        }
    }

    [Fact]
    public void Each_day_and_topic_month_has_a_bib_file_with_the_entries_its_paper_pages_show_linked_and_served_as_bibtex()
    {
        var rules = NetlifyHeaderRule.All();
        var lists = Pages(@"^days/\d{4}-\d{2}-\d{2}/index\.html$").Concat(Pages(@"^topics/[^/]+/\d{4}/\d{2}/index\.html$")).ToList();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal); // key → paper
        foreach (var file in lists)
        {
            var page = Html(file);
            var bib = page.QuerySelector("a[type='application/x-bibtex']")!.GetAttribute("href")!.TrimStart('/');
            Assert.Equal(Path.GetDirectoryName(file)!.Replace('\\', '/') + "/papers.bib", bib);
            var type = rules.Last(r => r.Matches("/" + bib) && r.Values.ContainsKey("Content-Type")).Values["Content-Type"];
            Assert.StartsWith("application/x-bibtex", type);

            // A month's file holds all its pages' papers, in their order.
            var papers = new List<string>();
            for (var next = file; next is not null;)
            {
                var listing = Html(next);
                papers.AddRange(listing.QuerySelectorAll("main article.card .card-title a").Select(a => a.GetAttribute("href")!.TrimStart('/')));
                next = listing.QuerySelector("nav.pager a[rel='next']")?.GetAttribute("href") is { } more && more.Contains("/page/") ? more.TrimStart('/') + "index.html" : null;
            }
            var expected = papers.Select(p => Html(p + "index.html").QuerySelector("pre.bibtex")!.TextContent).ToList();
            Assert.Equal(string.Join("\n\n", expected) + "\n", slice.Text(bib));
            foreach (var (paper, entry) in papers.Zip(expected))
            {
                var key = EntryKey().Match(entry).Groups[1].Value;
                Assert.True(keys.TryAdd(key, paper) || keys[key] == paper, $"{key} is the key of {keys.GetValueOrDefault(key)} and of {paper}");
            }
        }
        Assert.True(keys.Count >= 300, $"only {keys.Count} papers in .bib files");
    }

    [GeneratedRegex(@"^@misc\{([^,]+),")]
    private static partial Regex EntryKey();
}
