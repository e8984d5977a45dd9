using System.Text;

namespace PaperTrail.Ingest.Sources;

/// <summary>
/// Parses the plain-text scrape of a Hugging Face papers page: boilerplate lines first, the word
/// "Subscribe" glued to the first title, then title and abstract lines alternating. Copes with a
/// BOM, CRLF, blank lines, trailing spaces, bytes that are not UTF-8 and a last title with no
/// abstract.
/// </summary>
internal sealed class ScrapeTextSource : IPaperSource
{
    public string Name => "scrape";

    /// <summary>
    /// The last source tried: text that is none of the structured formats, when it has the shape of
    /// a papers page (<see cref="ScrapeShape"/>). <c>--source scrape</c> reads any text.
    /// </summary>
    public bool Recognises(string fileName, ReadOnlySpan<byte> bytes) => ScrapeShape.Judge(bytes).IsPapersPage;

    SourceResult IPaperSource.Read(string sourceFile, byte[] bytes) => Parse(sourceFile, bytes);

    private const string GluedPrefix = "Subscribe";

    // Lines the page prints around its list; dropped wherever they show up before the first title.
    private const string NewsletterPrompt = "Get trending papers in your email inbox";

    private static readonly string[] Boilerplate = ["Subscribe", "Daily Papers", "Trending Papers"];

    public static SourceResult Parse(string sourceFile, byte[] bytes)
    {
        var text = Decode(bytes);
        var lines = SplitLines(text);
        var start = FindFirstTitle(lines);

        var papers = new List<SourcePaper>();
        var skipped = new List<SkippedRecord>();
        (string Text, int Line)? pendingTitle = null;
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            if (i == start && IsGlued(line.TrimStart())) line = line.TrimStart()[GluedPrefix.Length..];
            if (line.Trim().Length == 0) continue;

            if (pendingTitle is null)
            {
                pendingTitle = (line, i + 1);
                continue;
            }
            Add(pendingTitle.Value.Text, line, pendingTitle.Value.Line);
            pendingTitle = null;
        }
        if (pendingTitle is { } dangling) Add(dangling.Text, "", dangling.Line);
        // The page lists a day's papers in its own order, top to bottom: the trending rank.
        return new SourceResult(SourceRanks.ByOrder(papers), skipped);

        void Add(string rawTitle, string rawAbstract, int line)
        {
            // Counted as they come: a scrape's records are its pairs of lines, known only once read.
            if (papers.Count + skipped.Count >= InputLimits.MaxRecords) throw InputLimits.TooManyRecords(sourceFile, RecordCount(lines, start));
            var title = TextCleaner.Clean(rawTitle);
            if (!TextCleaner.IsUsableTitle(title))
            {
                skipped.Add(new SkippedRecord(sourceFile, line, "no usable title is left after cleaning"));
                return;
            }
            papers.Add(new SourcePaper
            {
                Title = title,
                Abstract = TextCleaner.Clean(rawAbstract),
                SourceFile = sourceFile,
                Line = line,
            });
        }
    }

    /// <summary>How many records the lines from <paramref name="start"/> hold: the lines that are not blank, in pairs (a last title alone counts).</summary>
    private static long RecordCount(List<string> lines, int start) => (lines.Skip(start).LongCount(l => l.Trim().Length > 0) + 1) / 2;

    /// <summary>"SubscribeSpacetime…" is glued; "Subscriber models…" is a title of its own.</summary>
    internal static bool IsGlued(string line) =>
        line.Length > GluedPrefix.Length
        && line.StartsWith(GluedPrefix, StringComparison.Ordinal)
        && !char.IsLower(line[GluedPrefix.Length]);

    /// <summary>UTF-8 with or without BOM; invalid bytes become U+FFFD, which cleaning removes.</summary>
    internal static string Decode(ReadOnlySpan<byte> bytes) => new UTF8Encoding(false, false).GetString(bytes).TrimStart('\uFEFF');

    internal static List<string> SplitLines(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').ToList();

    /// <summary>The index of the line holding the first title: after the boilerplate.</summary>
    internal static int FindFirstTitle(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (IsGlued(line)) return i;
            var isBoilerplate = line.StartsWith(NewsletterPrompt, StringComparison.OrdinalIgnoreCase)
                || Boilerplate.Any(b => line.Equals(b, StringComparison.OrdinalIgnoreCase));
            if (!isBoilerplate) return i;
        }
        return lines.Count;
    }
}
