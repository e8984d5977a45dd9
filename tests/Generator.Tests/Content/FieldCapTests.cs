using System.Globalization;
using PaperTrail.Content;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Content;

/// <summary>
/// A field of a paper file over its limit (<see cref="FieldLimits"/>) is shown cut, the paper kept, and
/// the cut warned about by <c>check</c> (which still passes), <c>build</c> and <c>build --strict</c>,
/// naming file and line. One 10 MB title once made a 177 MB site: a 60 MB paper page and about 10 MB
/// each for the home page and the feeds. The file itself is never changed, and ingest reads it whole.
/// </summary>
public sealed class FieldCapTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite().Paper("good", "A Good Paper", "[2026-11-27]");

    public void Dispose() => _site.Dispose();

    private const string PaperFile = "content/papers/2026/11/long.md";

    /// <summary>"representation representation …" of about <paramref name="length"/> characters.</summary>
    private static string Words(int length) => string.Join(' ', Enumerable.Repeat("representation", length / 15 + 1))[..length];

    private string WritePaper(string title, string extra = "", string abstractText = "An abstract.") =>
        _site.Write(PaperFile, $"---\ntitle: \"{title}\"\nslug: long\ntrending: [2026-11-28]\n{extra}---\n{abstractText}\n");

    private static long Size(string folder) => new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    [Fact]
    public void A_title_of_nearly_a_megabyte_is_cut_and_the_site_stays_small()
    {
        var title = Words(900_000);
        var written = WritePaper(title);
        var bytesBefore = File.ReadAllBytes(written);

        var check = Generator.Run("check", "--content", _site.Content);
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains($"long.md:2: 'title' has 900,000 characters, more than the {N(FieldLimits.TitleLength)} a title may have: the site shows it cut", check.Errors);

        var build = _site.Build("--strict");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning: ", build.Errors);
        Assert.Contains("long.md:2: 'title' has 900,000 characters", build.Errors);

        var shown = _site.Html("papers/long/index.html").QuerySelector("h1")!.TextContent;
        Assert.InRange(shown.Length, FieldLimits.TitleLength - 20, FieldLimits.TitleLength);
        Assert.EndsWith("…", shown, StringComparison.Ordinal);
        Assert.StartsWith(title[..(FieldLimits.TitleLength / 2)], shown, StringComparison.Ordinal);
        // The title shows up a few times per page that lists the paper: kilobytes, not megabytes.
        foreach (var page in new[] { "index.html", "papers/long/index.html", "feed.xml", "atom.xml", "feed.json" })
            Assert.True(new FileInfo(Path.Combine(_site.Output, page)).Length < 100_000, $"{page} has {new FileInfo(Path.Combine(_site.Output, page)).Length} bytes");
        Assert.True(Size(_site.Output) < 5_000_000, $"the site has {Size(_site.Output)} bytes");
        // The file is as the person wrote it, and ingest, which writes papers back, reads it whole.
        Assert.Equal(bytesBefore, File.ReadAllBytes(written));
        Assert.Equal(title, ArchiveLoader.LoadPapersAndUnreadable(_site.Content).Papers.Single(p => p.Paper.Slug == "long").Paper.Title);
    }

    [Fact]
    public void A_ten_megabyte_title_makes_a_paper_file_too_large_to_read_and_the_site_stays_small()
    {
        var written = WritePaper(Words(10_000_000));

        var check = Generator.Run("check", "--content", _site.Content);
        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains($"long.md: has {new FileInfo(written).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes, more than the 1,048,576 a paper file may have, and is not read", check.Errors);

        var build = _site.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains($"long.md: has {new FileInfo(written).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes, more than the 1,048,576 a paper file may have, and is not read; this paper is left out of the site", build.Errors);
        Assert.True(_site.Exists("papers/good/index.html"));
        Assert.False(_site.Exists("papers/long/index.html"));
        Assert.True(Size(_site.Output) < 5_000_000, $"the site has {Size(_site.Output)} bytes");
    }

    [Fact]
    public void An_abstract_over_its_limit_is_cut_naming_the_line_it_starts_on()
    {
        WritePaper("Long Abstract", abstractText: "\n" + Words(30_000));

        var build = _site.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("long.md:7: The abstract has 30,000 characters, more than the 20,000 an abstract may have: the site shows it cut", build.Errors);
        var text = _site.Html("papers/long/index.html").QuerySelector("section.abstract p")!.TextContent;
        Assert.InRange(text.Length, FieldLimits.AbstractLength - 20, FieldLimits.AbstractLength);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Authors_links_and_categories_over_their_limits_are_cut_each_with_a_warning()
    {
        var authors = Enumerable.Range(0, 5_100).Select(i => $"Author {i}").ToList();
        authors[3] = "Ann " + Words(400);
        var links = string.Concat(Enumerable.Range(0, 60).Select(i => $"  l{i:00}: \"https://example.com/{i}\"\n"));
        var longLink = "https://example.com/" + new string('a', 3_000);
        var extra = $"arxiv: 2401.00001\nauthors: [{string.Join(", ", authors)}]\ncategories: [{string.Join(", ", Enumerable.Range(0, 60).Select(i => $"cs.X{i}"))}]\n" +
                    $"links:\n  aaa: \"{longLink}\"\n{links}";
        WritePaper("Many Things", extra);

        var build = _site.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("long.md:6: 'authors' lists 5,100 names, more than the 5,000 a paper may have: the site shows the first 5,000", build.Errors);
        Assert.Contains($"long.md:6: 1 name in 'authors' has more than the {N(FieldLimits.AuthorNameLength)} characters a name may have: the site shows it cut", build.Errors);
        Assert.Contains("long.md:7: 'categories' lists 60 entries, more than the 50 a paper may have: the site shows the first 50", build.Errors);
        Assert.Contains("long.md:8: 'links.aaa' has an address of 3,020 characters, more than the 2,048 a link may have: the site leaves the link out", build.Errors);
        Assert.Contains($"long.md:8: 'links' lists 60 links, more than the {N(FieldLimits.Links)} a paper may have: the site shows the first (by name) {N(FieldLimits.Links)}", build.Errors);

        var page = _site.Html("papers/long/index.html");
        var names = page.QuerySelectorAll("meta[name=citation_author]").Select(m => m.GetAttribute("content")!).ToList();
        Assert.Equal(FieldLimits.Authors, names.Count);
        Assert.InRange(names[3].Length, FieldLimits.AuthorNameLength - 20, FieldLimits.AuthorNameLength);
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == longLink);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"https://example.com/{FieldLimits.Links - 1}");
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"https://example.com/{FieldLimits.Links}");
        Assert.Contains("cs.X49)", page.Body!.TextContent);
        Assert.DoesNotContain("cs.X50", page.Body!.TextContent);
    }

    [Fact]
    public void A_rebuild_that_takes_the_paper_from_its_cache_warns_about_the_cut_again()
    {
        WritePaper(Words(6_000));
        var first = _site.Build();
        Assert.Contains("long.md:2: 'title' has 6,000 characters", first.Errors);

        // Another paper changes, so the build runs; the long one comes from the cache, unread.
        _site.Paper("other", "Another Paper", "[2026-11-29]");
        var second = _site.Build();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains($"long.md:2: 'title' has 6,000 characters, more than the {N(FieldLimits.TitleLength)} a title may have: the site shows it cut", second.Errors);
        Assert.True(_site.Exists("papers/other/index.html"));
    }

    [Fact]
    public void A_paper_within_every_limit_gives_no_warning()
    {
        WritePaper(Words(FieldLimits.TitleLength), "authors: [Ann Lee, Bob Smith]\n", Words(FieldLimits.AbstractLength));

        var check = Generator.Run("check", "--content", _site.Content);
        var build = _site.Build();

        Assert.True(check.ExitCode == 0 && check.Errors.Length == 0, check.ToString());
        Assert.True(build.ExitCode == 0 && build.Errors.Length == 0, build.ToString());
        Assert.Equal(Words(FieldLimits.TitleLength), _site.Html("papers/long/index.html").QuerySelector("h1")!.TextContent);
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
