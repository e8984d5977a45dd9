using System.Net;
using System.Text;
using PaperTrail.Content;
using PaperTrail.Ingest.Sources;
using PaperTrail.Tests.Support;
using static PaperTrail.Tests.Ingest.HfAnswers;
using static PaperTrail.Tests.Support.StubHttpServer;

namespace PaperTrail.Tests.Ingest;

/// <summary>
/// Broken text from the web costs a character, never the night: a lone surrogate (what JavaScript
/// writes for a string cut in the middle of an emoji) or bytes that are not UTF-8, in the title,
/// an author or at the very end of the abstract, through every source and the web, are removed and
/// the paper goes in, keeping the whole emoji beside them. Both used to stop ingest with exit 70.
/// </summary>
public sealed class BrokenTextTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Content => _dir["content"];

    public void Dispose() => _dir.Dispose();

    /// <summary>One kind of broken text: as JSON string content, as XML (null: not expressible), and what is left of it.</summary>
    public sealed record Breakage(string Name, byte[] InJson, byte[]? InXml, string Left, bool IsBytes)
    {
        public override string ToString() => Name;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static readonly Breakage[] Breakages =
    [
        new("lone high surrogate", Ascii("\\ud800"), Ascii("&#xD800;"), "", false),
        new("lone low surrogate", Ascii("\\uDC00"), Ascii("&#xDC00;"), "", false),
        new("high surrogate then a letter", Ascii("\\ud83dx"), Ascii("&#xD83D;x"), "x", false),
        new("high surrogate then a whole pair", Ascii("\\ud83d\\ud83d\\ude00"), null, "😀", false),
        new("low then high", Ascii("\\ude00\\ud83d"), Ascii("&#xDE00;&#xD83D;"), "", false),
        new("stray byte", [0xFF], [0xFF], "", true),
        new("sequence cut short", [0xF0, 0x9F, 0x98], [0xF0, 0x9F, 0x98], "", true),
        new("surrogate encoded as UTF-8", [0xED, 0xA0, 0x80], [0xED, 0xA0, 0x80], "", true),
    ];

    public static TheoryData<Breakage, string> Cases()
    {
        var data = new TheoryData<Breakage, string>();
        foreach (var breakage in Breakages)
        {
            foreach (var channel in new[] { "hf-json file", "hf-json fetched", "hf-html file", "hf-html fetched" }) data.Add(breakage, channel);
            if (breakage.InXml is not null) data.Add(breakage, "arxiv file");
            if (breakage.IsBytes) data.Add(breakage, "scrape file");
        }
        return data;
    }

    private const string Mark = "@BROKEN@";

    // The title has the broken text in the middle and a whole emoji after it; the abstract ends with it.
    private const string Title = "Broken" + Mark + " text 😀 kept";
    private const string Abstract = "An abstract that ends badly" + Mark;
    private const string Author = "Ada" + Mark + " Lovelace";

    private static byte[] WithBroken(string text, byte[] broken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var mark = Encoding.ASCII.GetBytes(Mark);
        var result = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes.AsSpan(i).StartsWith(mark)) { result.AddRange(broken); i += mark.Length - 1; }
            else result.Add(bytes[i]);
        }
        return [.. result];
    }

    private static string AtomFeed() => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
          <title>arXiv Query: broken text</title>
          <entry>
            <id>http://arxiv.org/abs/2605.00042v1</id>
            <published>2026-05-07T17:59:59Z</published>
            <title>{Title}</title>
            <summary>{Abstract}</summary>
            <author><name>{Author}</name></author>
            <arxiv:primary_category term="cs.CL"/>
          </entry>
        </feed>
        """;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Broken_text_is_removed_and_the_paper_goes_in(Breakage breakage, string channel)
    {
        var json = Daily(Item("2605.00042", Title, summary: Abstract, authors: Author));
        var result = channel switch
        {
            "hf-json file" => Generator.Run("ingest", _dir.WriteBytes("day.json", WithBroken(json, breakage.InJson)), "--content", Content),
            "hf-json fetched" => Fetch(new AnswerBytes(200, WithBroken(json, breakage.InJson), "application/json"), "day.json"),
            // The page escapes the JSON for its attribute; the broken text is in it as the page sends it.
            "hf-html file" => Generator.Run("ingest", _dir.WriteBytes("day.html", WithBroken(Page(json), breakage.InJson)), "--content", Content),
            "hf-html fetched" => Fetch(new AnswerBytes(200, WithBroken(Page(json), breakage.InJson), "text/html; charset=utf-8"), "day.html"),
            "arxiv file" => Generator.Run("ingest", _dir.WriteBytes("query.xml", WithBroken(AtomFeed(), breakage.InXml!)), "--content", Content, "--date", "2026-05-08"),
            "scrape file" => Generator.Run("ingest", _dir.WriteBytes("scrape.txt", WithBroken($"Subscribe{Title}\n{Abstract}.\n", breakage.InJson)),
                "--content", Content, "--date", "2026-05-08"),
            _ => throw new ArgumentException(channel),
        };

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 new, 0 updated, 0 unchanged, 0 skipped", result.Output);
        var problems = new List<ContentProblem>();
        var file = Assert.Single(ArchiveLoader.LoadPapers(Content, problems));
        Assert.Empty(problems);
        var paper = file.Paper;
        Assert.Equal("Broken" + breakage.Left + " text 😀 kept", paper.Title);
        Assert.Equal("An abstract that ends badly" + breakage.Left + (channel == "scrape file" ? "." : ""), paper.Abstract);
        if (channel != "scrape file") Assert.Equal(["Ada" + breakage.Left + " Lovelace"], paper.Authors);
        var written = File.ReadAllText(Path.Combine(Content, file.RelativePath));
        Assert.DoesNotContain('\uFFFD', written);
    }

    private Generator.Result Fetch(Behaviour answer, string name)
    {
        using var server = new StubHttpServer(answer);
        return Generator.Run("ingest", new Uri(server.BaseUrl, name).ToString(), "--content", Content);
    }

    [Fact]
    public void An_escaped_backslash_before_u_is_text_not_a_surrogate_and_is_left_alone()
    {
        var json = Encoding.UTF8.GetBytes("""["\\ud800", "\ud83d\ude00", "\ud800"]""");
        var repaired = TextRepair.Json(json);
        Assert.Equal("""["\\ud800", "\ud83d\ude00", "\uFFFD"]""", Encoding.UTF8.GetString(repaired));
    }

    [Fact]
    public void Repairs_never_move_a_line()
    {
        byte[] json = [.. "[\n\"a\\ud800\",\n\""u8, 0xFF, 0xC3, .. "\",\n\"b\"\n]"u8];
        var repaired = TextRepair.Json(json);
        Assert.Equal(json.Count(b => b == '\n'), repaired.Count(b => b == '\n'));
        Assert.Equal("[\n\"a\\uFFFD\",\n\"\uFFFD\uFFFD\",\n\"b\"\n]", Encoding.UTF8.GetString(repaired));
        var valid = "[\"whole \\ud83d\\ude00\"]"u8.ToArray();
        Assert.Same(valid, TextRepair.Json(valid));
    }

    [Fact]
    public void Xml_in_another_declared_encoding_is_left_to_the_parser()
    {
        byte[] latin1 = [.. "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf"u8, 0xE9, .. "</a>"u8];
        Assert.Same(latin1, TextRepair.Xml(latin1));
        byte[] utf8 = [.. "\uFEFF<?xml version='1.0' encoding='utf-8'?><a>caf"u8, 0xE9, .. "</a>"u8];
        Assert.Equal("\uFEFF<?xml version='1.0' encoding='utf-8'?><a>caf\uFFFD</a>", Encoding.UTF8.GetString(TextRepair.Xml(utf8)));
    }
}
