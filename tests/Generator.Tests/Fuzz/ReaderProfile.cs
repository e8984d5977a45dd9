using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Fuzz;

/// <summary>
/// What the fuzzer knows of one source reader: the real inputs it starts from (tests/fixtures),
/// how it makes a smaller one from the corpus's papers or from generated text, and the bytes its
/// mutations insert: the reader's own syntax, its way of nesting, where its fields begin, and its
/// ways of writing a lone surrogate.
/// </summary>
public sealed class ReaderProfile
{
    public required string Source { get; init; }
    public required string Extension { get; init; }

    /// <summary>Real inputs of this kind, whole.</summary>
    public required IReadOnlyList<byte[]> Wholes { get; init; }

    /// <summary>An input made from papers (title, abstract, authors, id, day, link), in one of the reader's shapes.</summary>
    public required Func<IReadOnlyList<PaperFields>, int, byte[]> Make { get; init; }

    public required string[] Tokens { get; init; }
    public required (string Open, string Close)[] Nesting { get; init; }
    public required string[] FieldMarkers { get; init; }
    public required byte[][] Surrogates { get; init; }
    public string[] FieldFillers { get; init; } = ["words of a title ", "Ünïcödé ", "😀", "a\u0301\u0302", "x", "$x^2$ ", "[l](https://example.org/own) ", "\\\"{o}"];

    // What every reader may meet: controls, marks, math and LaTeX, links into the test site (example.org), Markdown.
    private static readonly string[] Common =
    [
        "\0", "\u0007", "\uFEFF", "\u202E", "\u200B", "\r", "\n", "\r\n", "\t", "\u2028", "$", "$$", "\\", "\\\"{o}", "{\\ss}", "\\%",
        "[x](https://example.org/own)", "<https://example.org/p>", "[a]: https://example.org/", "[[[x](https://example.org/)](https://example.org/)](https://example.org/)",
        "![i](https://example.org/i.png)", "…", "é", "😀", string.Concat(Enumerable.Repeat("\u0301", 60)), "\uFFFE", "\uFDD0",
    ];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Fixture(string relative) => File.ReadAllBytes(Path.Combine(Repo.Fixtures, relative));

    public static readonly ReaderProfile Scrape = new()
    {
        Source = "scrape",
        Extension = ".txt",
        Wholes = [Fixture("seed/trending-scrape.txt")],
        Make = (papers, shape) =>
        {
            var text = new StringBuilder(shape % 2 == 0 ? "Get trending papers in your email inbox!\nSubscribe" : "");
            foreach (var paper in papers) text.Append(paper.Title).Append('\n').Append(paper.Abstract).Append(shape % 3 == 0 ? "\r\n\r\n" : "\n");
            return Utf8(text.ToString());
        },
        Tokens = [.. Common, "Subscribe", "Get trending papers in your email inbox!", "# ", "```", "---", "- ", "> ", "| a |", "<div>", "\n\n\n", "A Title\nAn abstract.\n", ".", "1. "],
        Nesting = [("[", "](https://example.org/x)"), ("[", "]"), ("$", "$"), ("{", "}"), ("> ", ""), ("<b>", "</b>")],
        FieldMarkers = ["\n", "Subscribe"],
        Surrogates = [[0xED, 0xA0, 0x80], [0xED, 0xB0, 0x80], [0xF0, 0x9F, 0x98], [0xC0, 0x80], [0xFF], [0xF4, 0x90, 0x80, 0x80]],
    };

    public static readonly ReaderProfile HfJson = new()
    {
        Source = "hf-json",
        Extension = ".json",
        Wholes = [.. Directory.GetFiles(Repo.Corpus, "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllBytes),
            .. Directory.GetFiles(Path.Combine(Repo.Fixtures, "hf-json"), "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllBytes)],
        Make = (papers, shape) => Utf8(Json(papers, shape)),
        Tokens = [.. Common, "[", "]", "{", "}", "\"", ",", ":", "\\u", "\\ud83d\\ude00", "\"paper\":", "\"id\":\"2601.00001\",", "\"title\":null,", "\"authors\":{},",
            "\"upvotes\":1e999,", "\"upvotes\":-5,", "\"submittedOnDailyAt\":\"9999-12-31T00:00:00Z\",", "\"publishedAt\":\"0001-01-01\",", "\"date\":\"2026-02-30\",",
            "/*", "*/", "//", "NaN", "-0", "1e400", "\"dailyPapers\":[", "\"githubRepo\":\"javascript:alert(1)\",", "\"projectPage\":\"https://example.org/own\","],
        Nesting = [("[", "]"), ("{\"a\":", "}"), ("[{\"paper\":", "}]")],
        FieldMarkers = ["\"title\":\"", "\"summary\":\"", "\"name\":\"", "\"githubRepo\":\"", "\"title\": \"", "\"summary\": \""],
        Surrogates = [Utf8("\\ud800"), Utf8("\\udc00x"), Utf8("\\ud83d"), [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0x80]],
    };

    public static readonly ReaderProfile HfHtml = new()
    {
        Source = "hf-html",
        Extension = ".html",
        Wholes = [Fixture("hf-html/daily-list_2024-08-01_raw.html"), Fixture("hf-html/paper-page_2509.24002_prettified.html")],
        Make = (papers, shape) => Utf8((shape % 3) switch
        {
            0 => Page(Json(papers, 0)),
            1 => Cards(papers),
            _ => PaperPage(papers[0]),
        }),
        Tokens = [.. Common, "<", ">", "</div>", "<b>", "<table>", "<td>", "<svg>", "<math>", "<template>", "<script>", "</script>", "<!--", "-->", "&quot;", "&amp;",
            "&#0;", "&#xD800;", "data-target=\"DailyPapers\"", "data-props=\"", "<article><h3><a href=\"/papers/2601.00001\">A Card</a></h3></article>",
            "<link rel=\"canonical\" href=\"https://huggingface.co/papers/2601.00001\">", "<h1>429</h1>", "<title>Just a moment...</title>", "<h2>Abstract</h2><p>x</p>",
            "<span class=\"author\">", "<plaintext>", "<xmp>", "<noscript>", "<frameset>", "<select>", "<form>", "</p>", "</body>", "</html>"],
        Nesting = [("<b>", "</b>"), ("<div>", "</div>"), ("<i><div>", "</div></i>"), ("<table><td>", "</td></table>"), ("<b x=1>", ""), ("<ul><li>", "</li></ul>"), ("<svg><g>", "</g></svg>")],
        FieldMarkers = ["&quot;title&quot;:&quot;", "&quot;summary&quot;:&quot;", "&quot;name&quot;:&quot;", "<h1", "<h3>", "<p>", "class=\"author\">"],
        Surrogates = [Utf8("&#xD800;"), Utf8("&#55296;"), Utf8("\\ud800"), [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]],
    };

    public static readonly ReaderProfile Arxiv = new()
    {
        Source = "arxiv",
        Extension = ".xml",
        Wholes = [.. Directory.GetFiles(Path.Combine(Repo.Fixtures, "arxiv-atom"), "*.xml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes)],
        Make = (papers, shape) => Utf8(Feed(papers, shape)),
        Tokens = [.. Common, "<", ">", "</", "&", "&amp;", "&#0;", "&#x1F600;", "&lt;", "<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\"?>",
            "<!DOCTYPE feed [<!ENTITY a \"b\">]>", "&a;", "<entry>", "</entry>", "<title>", "</title>", "xmlns=\"x\"", "<arxiv:primary_category term=\"x\"/>",
            "<category term=\"cs.LG\"/>", "<id>http://arxiv.org/abs/2601.00001v1</id>", "<published>2026-13-40</published>", "<author><name></name></author>"],
        Nesting = [("<a>", "</a>"), ("<entry>", "</entry>"), ("<x:a xmlns:x=\"u\">", "</x:a>")],
        FieldMarkers = ["<title>", "<summary>", "<name>", "<category term=\"", "<id>"],
        Surrogates = [Utf8("&#xD800;"), Utf8("&#xDFFF;"), [0xED, 0xA0, 0x80], Utf8("&#x110000;"), [0xC0, 0x80]],
    };

    public static readonly IReadOnlyList<ReaderProfile> All = [Scrape, HfJson, HfHtml, Arxiv];

    /// <summary>The corpus's papers: the material smaller inputs are made of.</summary>
    public static readonly IReadOnlyList<PaperFields> CorpusPapers = Directory.GetFiles(Repo.Corpus, "*.json").Order(StringComparer.Ordinal)
        .SelectMany(file => JsonNode.Parse(File.ReadAllText(file))!.AsArray())
        .Select(item => item!["paper"]!)
        .Select(paper => new PaperFields(
            (string?)paper["title"] ?? "", (string?)paper["summary"] ?? "",
            paper["authors"]?.AsArray().Select(a => (string?)a!["name"] ?? "").ToArray() ?? [],
            (string?)paper["id"] ?? "", ((string?)paper["submittedOnDailyAt"] ?? "2026-05-08")[..10], (string?)paper["githubRepo"]))
        .ToList();

    private static string Json(IReadOnlyList<PaperFields> papers, int shape)
    {
        JsonObject Paper(PaperFields p)
        {
            var paper = new JsonObject
            {
                ["id"] = p.Id, ["title"] = p.Title, ["summary"] = p.Abstract,
                ["authors"] = new JsonArray([.. p.Authors.Select(a => (JsonNode)new JsonObject { ["name"] = a })]),
                ["publishedAt"] = p.Day + "T08:00:00.000Z", ["submittedOnDailyAt"] = p.Day + "T10:00:00.000Z", ["upvotes"] = 7,
            };
            if (p.Link is not null) paper["githubRepo"] = p.Link;
            return paper;
        }
        JsonObject Item(PaperFields p) => new() { ["paper"] = Paper(p), ["title"] = p.Title, ["numComments"] = 2 };
        JsonNode root = (shape % 4) switch
        {
            0 => new JsonArray([.. papers.Select(p => (JsonNode)Item(p))]),
            1 => new JsonObject { ["dailyPapers"] = new JsonArray([.. papers.Select(p => (JsonNode)Item(p))]), ["date"] = papers[0].Day },
            2 => Item(papers[0]),
            _ => Paper(papers[0]),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = shape % 2 == 0 });
    }

    private static string Page(string json) =>
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Daily Papers - Hugging Face</title></head>\n<body><main>\n"
        + $"<div data-target=\"DailyPapers\" data-props=\"{WebUtility.HtmlEncode($"{{\"dailyPapers\":{json},\"date\":\"2026-05-08\"}}")}\"></div>\n"
        + "</main></body></html>\n";

    private static string Cards(IReadOnlyList<PaperFields> papers) =>
        "<!DOCTYPE html>\n<html><head><title>Daily Papers</title></head><body><main>\n"
        + string.Concat(papers.Select(p => $"<article><h3><a href=\"/papers/{WebUtility.HtmlEncode(p.Id)}\">{WebUtility.HtmlEncode(p.Title)}</a></h3></article>\n"))
        + "</main></body></html>\n";

    private static string PaperPage(PaperFields p) =>
        "<!DOCTYPE html>\n<html><head>"
        + $"<link rel=\"canonical\" href=\"https://huggingface.co/papers/{WebUtility.HtmlEncode(p.Id)}\"><title>{WebUtility.HtmlEncode(p.Title)}</title></head>\n"
        + $"<body><main><h1>{WebUtility.HtmlEncode(p.Title)}</h1>\n"
        + string.Concat(p.Authors.Select(a => $"<span class=\"author\">{WebUtility.HtmlEncode(a)}</span>"))
        + $"\n<section><h2>Abstract</h2>\n<p>{WebUtility.HtmlEncode(p.Abstract)}</p></section></main></body></html>\n";

    private static string Feed(IReadOnlyList<PaperFields> papers, int shape)
    {
        var legacy = shape % 2 == 1;
        // Characters XML cannot hold as they are go in as references, which the reader lets through (a sloppy server writes them).
        string E(string text) => string.Concat(SecurityElement.Escape(text)!.Select(c => XmlConvert.IsXmlChar(c) ? c.ToString() : $"&#x{(int)c:X};"));
        var feed = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n");
        feed.Append(legacy
            ? "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <link href=\"http://arxiv.org/api/query\" rel=\"self\"/>\n"
            : "<feed xmlns:arxiv=\"http://arxiv.org/schemas/atom\" xmlns=\"http://www.w3.org/2005/Atom\">\n  <id>https://arxiv.org/api/x</id>\n");
        foreach (var p in papers)
        {
            var atom = legacy ? " xmlns=\"http://www.w3.org/2005/Atom\"" : "";
            feed.Append(CultureInfo.InvariantCulture, $"  <entry{atom}>\n    <id>http://arxiv.org/abs/{E(p.Id)}v1</id>\n    <title>{E(p.Title)}</title>\n");
            feed.Append(CultureInfo.InvariantCulture, $"    <summary>{E(p.Abstract)}</summary>\n    <published>{E(p.Day)}T00:00:00Z</published>\n");
            foreach (var author in p.Authors) feed.Append(CultureInfo.InvariantCulture, $"    <author><name>{E(author)}</name></author>\n");
            if (!legacy) feed.Append("    <arxiv:primary_category term=\"cs.LG\"/>\n");
            feed.Append("    <category term=\"cs.LG\"/><category term=\"cs.CL\"/>\n  </entry>\n");
        }
        return feed.Append("</feed>\n").ToString();
    }
}

/// <summary>A paper's fields as a source gives them, raw: taken from the corpus or generated.</summary>
public sealed record PaperFields(string Title, string Abstract, string[] Authors, string Id, string Day, string? Link);
