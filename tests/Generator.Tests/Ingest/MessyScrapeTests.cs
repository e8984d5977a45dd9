using System.Text;
using PaperTrail.Content;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Ingest;

/// <summary>Real-world mess in a scrape: encodings, line ends, blanks, dangling titles, empty files.</summary>
public sealed class MessyScrapeTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Content => _dir["content"];

    public void Dispose() => _dir.Dispose();

    private Generator.Result Ingest(byte[] scrape)
    {
        var file = _dir.WriteBytes("scrape.txt", scrape);
        return Generator.Run("ingest", file, "--date", "2026-11-28", "--content", Content);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private List<Paper> Papers()
    {
        var problems = new List<ContentProblem>();
        var papers = ArchiveLoader.LoadPapers(Content, problems).Select(f => f.Paper).ToList();
        Assert.Empty(problems);
        return papers;
    }

    [Fact]
    public void Bom_crlf_blank_lines_trailing_spaces_and_a_dangling_title_are_read()
    {
        var text = "Get trending papers in your email inbox once a day!\r\n\r\nGet trending papers in your email inbox!\r\n"
                 + "SubscribeFirst Paper   \r\n\r\n  First abstract with  double   spaces. \r\n"
                 + "Second Paper\r\nSecond abstract.\r\n\r\n\r\nDangling Title Without Abstract  \r\n";
        var result = Ingest([0xEF, 0xBB, 0xBF, .. Utf8(text)]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 new", result.Output);
        var papers = Papers().OrderBy(p => p.Title, StringComparer.Ordinal).ToList();
        Assert.Equal(["Dangling Title Without Abstract", "First Paper", "Second Paper"], papers.Select(p => p.Title));
        Assert.Equal("First abstract with double spaces.", papers[1].Abstract);
        Assert.Equal("", papers[0].Abstract);
    }

    [Fact]
    public void A_title_starting_with_Subscribe_as_a_word_keeps_it()
    {
        Ingest(Utf8("Subscribers of Attention\nAn abstract.\n"));
        Assert.Equal("Subscribers of Attention", Papers().Single().Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \r\n")]
    [InlineData("Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\nSubscribe\n")]
    public void An_input_that_yields_no_paper_is_refused_and_changes_nothing(string scrape)
    {
        Ingest(Utf8("Existing Paper\nIts abstract.\n"));
        var before = FolderSnapshot.Of(Content);

        var result = Ingest(Utf8(scrape));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("scrape.txt", result.Errors);
        Assert.Contains("no paper", result.Errors);
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
    }

    [Fact]
    public void An_empty_scrape_into_an_empty_archive_creates_nothing()
    {
        var result = Ingest([]);
        Assert.Equal(1, result.ExitCode);
        Assert.False(Directory.Exists(Content));
    }

    [Fact]
    public void A_record_without_a_usable_title_is_skipped_with_file_and_line_and_the_rest_go_in()
    {
        var scrape = "Good Paper One\nAbstract one.\n\u200B\u0007 -- \u202E\nAbstract of nothing.\nGood Paper Two\nAbstract two.\n";
        var result = Ingest(Utf8(scrape));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 new, 0 updated, 0 unchanged, 1 skipped", result.Output);
        Assert.Contains("scrape.txt:3: skipped", result.Errors);
        Assert.Equal(2, Papers().Count);
    }

    [Fact]
    public void Invalid_utf8_and_control_characters_are_dropped_and_the_text_kept()
    {
        byte[] scrape = [.. Utf8("Broken "), 0xC3, 0x28, .. Utf8(" Bytes\u0000 and\tTabs\nAbstract\u0001 here.\n")];
        Ingest(scrape);
        var paper = Papers().Single();
        Assert.Equal("Broken ( Bytes and Tabs", paper.Title);
        Assert.Equal("Abstract here.", paper.Abstract);
    }

    [Fact]
    public void Duplicates_within_one_scrape_become_one_paper()
    {
        var result = Ingest(Utf8("Same Paper\nAbstract.\nSAME paper!\nAbstract again.\n"));
        Assert.Contains("1 new, 0 updated, 1 unchanged", result.Output);
        Assert.Single(Papers());
    }

    [Fact]
    public void A_malformed_date_is_a_usage_error()
    {
        var file = _dir.Write("scrape.txt", "A Paper\nAbstract.\n");
        var result = Generator.Run("ingest", file, "--date", "28/11/2026", "--content", Content);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--date", result.Errors);
        Assert.False(Directory.Exists(Content));
    }

    [Fact]
    public void A_missing_input_file_is_an_error_naming_it()
    {
        var result = Generator.Run("ingest", _dir["nope.txt"], "--content", Content);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nope.txt", result.Errors);
    }

    [Fact]
    public void Ingest_merges_beside_a_broken_file_and_names_it_without_touching_it()
    {
        Ingest(Utf8("Existing Paper\nIts abstract.\n"));
        var broken = _dir.Write("content/papers/2026/11/broken.md", "---\ntitle: [unclosed\n---\n");
        var bytes = File.ReadAllBytes(broken);

        var result = Ingest(Utf8("New Paper\nNew abstract.\n"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning: ", result.Errors);
        Assert.Contains("broken.md:2", result.Errors);
        Assert.Equal(bytes, File.ReadAllBytes(broken));
        Assert.Contains("ingest: 1 new", result.Output);
    }
}
