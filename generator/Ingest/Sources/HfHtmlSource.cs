using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using PaperTrail.Content;

namespace PaperTrail.Ingest.Sources;

/// <summary>
/// Hugging Face papers pages (a day's list, trending, a single paper), parsed with AngleSharp.
/// The JSON the page embeds for its scripts (<c>[data-target="DailyPapers"]</c>,
/// <c>[data-target="PaperContent"]</c>, attribute <c>data-props</c>) is read first; the visible markup
/// is the fallback, and only Hugging Face's: cards that link <c>/papers/&lt;arXiv id&gt;</c>, or the
/// page of a paper whose address is <c>huggingface.co/papers/&lt;arXiv id&gt;</c> and that shows its
/// abstract. Any other HTML (a page of this site, say) yields no paper, and neither does an error
/// page (a rate limit, a Cloudflare challenge) or a page whose structure has changed: nothing is read.
/// </summary>
internal sealed partial class HfHtmlSource : IPaperSource
{
    public string Name => "hf-html";

    private static readonly string[] EmbeddedTargets = ["DailyPapers", "PaperContent"];

    [GeneratedRegex(@"^/papers/(?<id>\d{4}\.\d{4,5})(?:[/?#]|$)")]
    private static partial Regex PaperPath();

    // The address a paper page gives itself (canonical link, og:url).
    [GeneratedRegex(@"^https?://(?:[a-z0-9-]+\.)*huggingface\.co/papers/(?<id>\d{4}\.\d{4,5})(?:[/?#]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex PaperAddress();

    public bool Recognises(string fileName, ReadOnlySpan<byte> bytes)
    {
        var start = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    public SourceResult Read(string sourceFile, byte[] bytes)
    {
        var html = new UTF8Encoding(false, false).GetString(bytes);
        var document = BoundedHtml.Parse(sourceFile, html);
        var embedded = FromEmbeddedJson(document, sourceFile);
        if (embedded is { Papers.Count: > 0 }) return embedded;
        var visible = FromMarkup(document, sourceFile);
        if (visible.Papers.Count > 0) return visible;
        throw new ContentException(new ContentProblem(sourceFile, 0,
            "not a Hugging Face papers page, or its page structure changed: neither the embedded JSON (data-target=\"DailyPapers\"/\"PaperContent\") "
            + "nor the visible markup (cards linking /papers/<arXiv id>, or a paper page at huggingface.co/papers/<arXiv id> with its abstract) yields a paper"
            + ErrorPageHint(document, html) + "; nothing was ingested"));
    }

    /// <summary>
    /// What an answer that holds no paper looks like, when it is a page servers send instead of the
    /// one asked for (often with status 200): said so the person reading the log knows to wait, not to fix the parser.
    /// </summary>
    private static string ErrorPageHint(IDocument document, string html)
    {
        if (document.Title?.Trim() == "Just a moment..." || html.Contains("challenge-platform", StringComparison.Ordinal) || html.Contains("cf-challenge", StringComparison.Ordinal))
            return " (it looks like a Cloudflare challenge page)";
        var heading = document.QuerySelector("h1")?.TextContent.Trim() ?? "";
        return heading.Length == 3 && heading[0] is ('4' or '5') && heading.All(char.IsAsciiDigit) ? $" (it looks like an error page: HTTP {heading})" : "";
    }

    private static SourceResult? FromEmbeddedJson(IDocument document, string sourceFile)
    {
        foreach (var target in EmbeddedTargets)
        {
            var element = document.QuerySelector($"[data-target=\"{target}\"][data-props]");
            if (element is null) continue;
            var line = element.SourceReference?.Position.Line ?? 1;
            try
            {
                using var json = JsonDocument.Parse(TextRepair.Json(element.GetAttribute("data-props")!), new JsonDocumentOptions { MaxDepth = InputLimits.MaxJsonDepth });
                return HfJsonSource.ReadRoot(json.RootElement, sourceFile, _ => line);
            }
            catch (JsonException)
            {
                // Broken embedded JSON: the visible markup may still hold the papers.
            }
        }
        return null;
    }

    /// <summary>A list page's cards (title and id, no abstract), or a paper page's heading, authors and abstract; nothing from a page that is not Hugging Face's.</summary>
    private static SourceResult FromMarkup(IDocument document, string sourceFile)
    {
        var papers = new List<SourcePaper>();
        var cards = document.QuerySelectorAll("article h3 a[href^=\"/papers/\"]");
        if (cards.Length > InputLimits.MaxRecords) throw InputLimits.TooManyRecords(sourceFile, cards.Length);
        foreach (var link in cards)
        {
            var title = TextCleaner.Clean(link.TextContent);
            var path = PaperPath().Match(link.GetAttribute("href") ?? "");
            if (!TextCleaner.IsUsableTitle(title) || !path.Success) continue;
            var arxiv = ArxivId.Normalize(path.Groups["id"].Value);
            papers.Add(new SourcePaper
            {
                Title = title,
                Arxiv = arxiv,
                Links = HfLink(arxiv),
                SourceFile = sourceFile,
                Line = link.SourceReference?.Position.Line ?? 1,
            });
        }
        if (papers.Count > 0) return new SourceResult(SourceRanks.ByOrder(papers), []);

        var address = PaperAddress().Match(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")
            ?? document.QuerySelector("meta[property='og:url']")?.GetAttribute("content") ?? "");
        var heading = document.QuerySelector("main h1, h1");
        var pageTitle = TextCleaner.Clean(heading?.TextContent);
        if (!address.Success || !TextCleaner.IsUsableTitle(pageTitle)) return new SourceResult([], []);
        // A paper page shows its abstract; an error page served at a paper's address (a heading "429") does not.
        var abstractHeading = document.QuerySelectorAll("h2").FirstOrDefault(h => h.TextContent.Trim() == "Abstract");
        if (abstractHeading is null) return new SourceResult([], []);
        var paragraphs = abstractHeading.ParentElement?.QuerySelectorAll("p");
        var abstractText = paragraphs is { Length: > 0 } ? paragraphs[^1].TextContent : null;
        var pageArxiv = ArxivId.Normalize(address.Groups["id"].Value);
        papers.Add(new SourcePaper
        {
            Title = pageTitle,
            Abstract = TextCleaner.CleanParagraphs(abstractText),
            Arxiv = pageArxiv,
            Links = HfLink(pageArxiv),
            Authors = document.QuerySelectorAll("span.author").Select(a => TextCleaner.Clean(a.TextContent)).Where(a => a.Length > 0).Distinct().ToList(),
            SourceFile = sourceFile,
            Line = heading?.SourceReference?.Position.Line ?? 1,
        });
        return new SourceResult(papers, []);
    }

    private static Dictionary<string, string> HfLink(string? arxiv) =>
        arxiv is null ? [] : new Dictionary<string, string>(StringComparer.Ordinal) { ["hf"] = HfJsonSource.HfPaperUrl(arxiv) };
}
