using System.Globalization;
using System.Text.Json;
using PaperTrail.Content;

namespace PaperTrail.Ingest.Sources;

/// <summary>
/// Hugging Face JSON: the <c>/api/daily_papers</c> answer (an array of items, one day or many), a
/// single item, a <c>/api/papers/&lt;id&gt;</c> paper, or the JSON a papers page embeds. The trending
/// day is the paper's <c>submittedOnDailyAt</c>, else the list's date, else the item's
/// <c>publishedAt</c>; the rest is stored when given.
/// </summary>
internal sealed class HfJsonSource : IPaperSource
{
    public string Name => "hf-json";

    public bool Recognises(string fileName, ReadOnlySpan<byte> bytes)
    {
        var start = bytes.TrimStart("\uFEFF"u8).TrimStart(" \t\r\n"u8);
        return start.Length > 0 && (start[0] == (byte)'[' || start[0] == (byte)'{');
    }

    public SourceResult Read(string sourceFile, byte[] bytes)
    {
        bytes = TextRepair.Json(bytes);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.AsMemory().TrimStart(Utf8Bom), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = InputLimits.MaxJsonDepth });
        }
        catch (JsonException e)
        {
            throw new ContentException(new ContentProblem(sourceFile, (int)(e.LineNumber ?? 0) + 1, $"not valid JSON: {e.Message}"));
        }
        using (document)
        {
            var root = document.RootElement;
            CheckCount(root, sourceFile); // before the lines of the items are found
            var lines = root.ValueKind == JsonValueKind.Array ? JsonPositions.ArrayItemLines(bytes)
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("dailyPapers", out _) ? JsonPositions.ArrayItemLines(bytes, "dailyPapers")
                : [1];
            var result = ReadRoot(root, sourceFile, i => i < lines.Count ? lines[i] : 1);
            if (result.Papers.Count == 0 && result.Skipped.Count > 0 && result.Skipped.All(s => s.Reason == NotAPaper))
                throw new ContentException(new ContentProblem(sourceFile, 0,
                    "not Hugging Face JSON: no item has a \"paper\" object or an arXiv \"id\" (expected /api/daily_papers, /api/papers/<id> or a page's data-props); nothing was ingested"));
            return result;
        }
    }

    // JSON of another kind (a JSON Feed, a package manifest): its objects have neither.
    private const string NotAPaper = "not a Hugging Face paper: no \"paper\" object and no arXiv \"id\"";

    /// <summary>
    /// Reads papers from parsed Hugging Face JSON, whichever of its shapes: an array of items, a
    /// page's <c>{ dailyPapers: [...], date }</c>, an item, or a paper (also a page's <c>{ paper }</c>).
    /// </summary>
    public static SourceResult ReadRoot(JsonElement root, string sourceFile, Func<int, int> lineOfItem)
    {
        CheckCount(root, sourceFile);
        var papers = new List<SourcePaper>();
        var skipped = new List<SkippedRecord>();
        DateOnly? listDate = null;
        List<JsonElement> items;
        var isList = true;
        if (root.ValueKind == JsonValueKind.Array) items = root.EnumerateArray().ToList();
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("dailyPapers", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            items = list.EnumerateArray().ToList();
            listDate = Timestamps.Day(String(root, "date"));
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            items = [root];
            isList = false;
        }
        else items = [];

        for (var i = 0; i < items.Count; i++)
        {
            var paper = ReadItem(items[i], sourceFile, lineOfItem(i), listDate, out var reason);
            if (paper is not null) papers.Add(paper);
            else skipped.Add(new SkippedRecord(sourceFile, lineOfItem(i), reason));
        }
        // A list's order is the source's order of the day (the daily answer is sorted as the page shows
        // it); a paper page says its place itself.
        var ranked = isList ? SourceRanks.ByOrder(papers)
            : papers.Select(p => p with { Rank = Integer(root, "dailyPaperRank") is > 0 and var rank ? rank : null }).ToList();
        return new SourceResult(ranked, skipped);
    }

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Refuses JSON of more items than <see cref="InputLimits.MaxRecords"/> (the root array's, or a page's <c>dailyPapers</c>), counted before any is read.</summary>
    private static void CheckCount(JsonElement root, string sourceFile)
    {
        var count = root.ValueKind == JsonValueKind.Array ? root.GetArrayLength()
            : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("dailyPapers", out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength()
            : 1;
        if (count > InputLimits.MaxRecords) throw InputLimits.TooManyRecords(sourceFile, count);
    }

    private static SourcePaper? ReadItem(JsonElement item, string sourceFile, int line, DateOnly? listDate, out string reason)
    {
        reason = "";
        if (item.ValueKind != JsonValueKind.Object)
        {
            reason = "not a paper object";
            return null;
        }
        // An item wraps the paper ({ paper: {...}, title, publishedAt }); /api/papers/<id> is the paper itself.
        var wrapped = item.TryGetProperty("paper", out var inner) && inner.ValueKind == JsonValueKind.Object;
        var paper = wrapped ? inner : item;
        var arxiv = ArxivId.Normalize(String(paper, "id"));
        if (!wrapped && arxiv is null)
        {
            reason = NotAPaper;
            return null;
        }
        var title = TextCleaner.Clean(String(item, "title") ?? String(paper, "title"));
        if (!TextCleaner.IsUsableTitle(title))
        {
            reason = "no usable title";
            return null;
        }
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        if (String(paper, "githubRepo") is { } code && SafeUrl.IsWebUrl(code)) links["code"] = code;
        if (String(paper, "projectPage") is { } project && SafeUrl.IsWebUrl(project)) links["project"] = project;
        if (arxiv is not null) links["hf"] = HfPaperUrl(arxiv);

        return new SourcePaper
        {
            Title = title,
            Abstract = TextCleaner.CleanParagraphs(String(paper, "summary") ?? String(item, "summary")),
            Arxiv = arxiv,
            Authors = Authors(paper),
            Published = Timestamps.Day(String(paper, "publishedAt")),
            Trending = Timestamps.Day(String(paper, "submittedOnDailyAt")) ?? listDate ?? (wrapped ? Timestamps.Day(String(item, "publishedAt")) : null),
            Upvotes = Integer(paper, "upvotes"),
            // A daily item counts its comments; a paper page lists them.
            Comments = Integer(item, "numComments")
                ?? (item.TryGetProperty("comments", out var comments) && comments.ValueKind == JsonValueKind.Array ? comments.GetArrayLength() : null),
            AiSummary = NonEmpty(TextCleaner.Clean(String(paper, "ai_summary"))),
            GithubStars = Integer(paper, "githubStars"),
            Organization = NonEmpty(TextCleaner.Clean(OrganizationName(item) ?? OrganizationName(paper))),
            Links = links,
            SourceFile = sourceFile,
            Line = line,
        };
    }

    /// <summary>The paper's page on Hugging Face, made from its arXiv id (every source of Hugging Face's has one).</summary>
    public static string HfPaperUrl(string arxiv) => $"https://huggingface.co/papers/{arxiv}";

    /// <summary>
    /// A daily item's <c>organization</c> (also inside its paper), or a paper page's
    /// <c>submitterOrganization</c>: the full name, else the short one.
    /// </summary>
    private static string? OrganizationName(JsonElement element)
    {
        foreach (var property in (string[])["organization", "submitterOrganization"])
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var org) && org.ValueKind == JsonValueKind.Object)
                return String(org, "fullname") is { Length: > 0 } full ? full : String(org, "name");
        return null;
    }

    private static string? NonEmpty(string text) => text.Length > 0 ? text : null;

    private static IReadOnlyList<string> Authors(JsonElement paper)
    {
        if (!paper.TryGetProperty("authors", out var authors) || authors.ValueKind != JsonValueKind.Array) return [];
        return authors.EnumerateArray()
            .Select(a => TextCleaner.Clean(a.ValueKind == JsonValueKind.Object ? String(a, "name") : a.ValueKind == JsonValueKind.String ? a.GetString() : null))
            .Where(name => name.Length > 0)
            .ToList();
    }

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static int? Integer(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= 0 ? n : null;

}
