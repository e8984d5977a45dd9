using System.Globalization;
using System.Text.Json;
using PaperTrail.Content;

namespace PaperTrail.Ingest.Sources;

/// <summary>
/// Hugging Face JSON: the <c>/api/daily_papers</c> answer (an array of items, one day or many), a
/// single item, or a <c>/api/papers/&lt;id&gt;</c> paper. The trending day is the paper's
/// <c>submittedOnDailyAt</c>, else the item's <c>publishedAt</c>; the rest is stored when given.
/// </summary>
public sealed class HfJsonSource : IPaperSource
{
    public string Name => "hf-json";

    public bool Recognises(string fileName, ReadOnlySpan<byte> bytes)
    {
        var start = bytes.TrimStart("\uFEFF"u8).TrimStart(" \t\r\n"u8);
        return start.Length > 0 && (start[0] == (byte)'[' || start[0] == (byte)'{');
    }

    public SourceResult Read(string sourceFile, byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.AsMemory().TrimStart(Utf8Bom), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new ContentException(new ContentProblem(sourceFile, (int)(e.LineNumber ?? 0) + 1, $"not valid JSON: {e.Message}"));
        }
        using (document)
        {
            var papers = new List<SourcePaper>();
            var skipped = new List<SkippedRecord>();
            var root = document.RootElement;
            var (items, lines) = root.ValueKind switch
            {
                JsonValueKind.Array => (root.EnumerateArray().ToList(), JsonPositions.ArrayItemLines(bytes)),
                JsonValueKind.Object when root.TryGetProperty("dailyPapers", out var list) && list.ValueKind == JsonValueKind.Array
                    => (list.EnumerateArray().ToList(), JsonPositions.ArrayItemLines(bytes, "dailyPapers")),
                JsonValueKind.Object => ([root], (IReadOnlyList<int>)[1]),
                _ => (new List<JsonElement>(), (IReadOnlyList<int>)[]),
            };
            for (var i = 0; i < items.Count; i++)
            {
                var line = i < lines.Count ? lines[i] : 1;
                var paper = ReadItem(items[i], sourceFile, line, out var reason);
                if (paper is not null) papers.Add(paper);
                else skipped.Add(new SkippedRecord(sourceFile, line, reason));
            }
            return new SourceResult(papers, skipped);
        }
    }

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private static SourcePaper? ReadItem(JsonElement item, string sourceFile, int line, out string reason)
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
        var title = TextCleaner.Clean(String(item, "title") ?? String(paper, "title"));
        if (!TextCleaner.IsUsableTitle(title))
        {
            reason = "no usable title";
            return null;
        }
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        if (String(paper, "githubRepo") is { } code && SafeUrl.IsWebUrl(code)) links["code"] = code;
        if (String(paper, "projectPage") is { } project && SafeUrl.IsWebUrl(project)) links["project"] = project;
        var arxiv = ArxivId.Normalize(String(paper, "id"));

        return new SourcePaper
        {
            Title = title,
            Abstract = TextCleaner.CleanParagraphs(String(paper, "summary") ?? String(item, "summary")),
            Arxiv = arxiv,
            Authors = Authors(paper),
            Published = Day(String(paper, "publishedAt")),
            Trending = Day(String(paper, "submittedOnDailyAt")) ?? (wrapped ? Day(String(item, "publishedAt")) : null),
            Upvotes = Integer(paper, "upvotes"),
            Comments = Integer(item, "numComments"),
            Links = links,
            SourceFile = sourceFile,
            Line = line,
        };
    }

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

    /// <summary>The UTC day of an ISO timestamp ("2026-05-08T10:01:31.399Z" → 2026-05-08).</summary>
    private static DateOnly? Day(string? timestamp) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? DateOnly.FromDateTime(moment.UtcDateTime)
            : null;
}
