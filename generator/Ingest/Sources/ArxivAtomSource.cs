using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PaperTrail.Content;

namespace PaperTrail.Ingest.Sources;

/// <summary>
/// arXiv API answers (Atom), in the legacy shape (namespaces per element, hard-wrapped text,
/// http links) and the current one. Ids lose their prefix and version, wrapped text is unwrapped,
/// categories are kept (primary first). arXiv says nothing of trending, so the day is --date's, unless
/// the nightly's arXiv fetch (<c>Web.ArxivFetcher</c>) gives each paper its announcement day. An
/// answer that is an API error (an entry whose id is <c>arxiv.org/api/errors#…</c>) is refused with its message.
/// </summary>
internal sealed class ArxivAtomSource : IPaperSource
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";

    public string Name => "arxiv";

    public bool Recognises(string fileName, ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 1024)]);
        return head.Contains("http://www.w3.org/2005/Atom", StringComparison.Ordinal)
            && head.Contains("arxiv.org", StringComparison.OrdinalIgnoreCase);
    }

    public SourceResult Read(string sourceFile, byte[] bytes)
    {
        var document = BoundedXml.Load(sourceFile, bytes);

        var entries = document.Root?.Elements(Atom + "entry").ToList() ?? [];
        if (entries.Count > InputLimits.MaxRecords) throw InputLimits.TooManyRecords(sourceFile, entries.Count);
        var papers = new List<SourcePaper>();
        var skipped = new List<SkippedRecord>();
        foreach (var entry in entries)
        {
            var line = ((IXmlLineInfo)entry).LineNumber;
            // The API answers a query it cannot run with one entry whose id is an error's address.
            if (entry.Element(Atom + "id")?.Value.Contains("arxiv.org/api/errors", StringComparison.Ordinal) == true)
                throw new ContentException(new ContentProblem(sourceFile, line,
                    $"arXiv answered with an error: {TextCleaner.Clean(entry.Element(Atom + "summary")?.Value)}; nothing was written"));
            var title = TextCleaner.Clean(entry.Element(Atom + "title")?.Value);
            var id = ArxivId.Normalize(IdFrom(entry.Element(Atom + "id")?.Value));
            if (!TextCleaner.IsUsableTitle(title) || id is null)
            {
                skipped.Add(new SkippedRecord(sourceFile, line, id is null ? "no arXiv id" : "no usable title"));
                continue;
            }
            var primary = entry.Element(Arxiv + "primary_category")?.Attribute("term")?.Value;
            var categories = entry.Elements(Atom + "category").Select(c => c.Attribute("term")?.Value).OfType<string>()
                .Prepend(primary).OfType<string>().Select(TextCleaner.Clean).Where(c => c.Length > 0).Distinct().ToList();
            papers.Add(new SourcePaper
            {
                Title = title,
                Abstract = TextCleaner.CleanParagraphs(entry.Element(Atom + "summary")?.Value),
                Arxiv = id,
                Authors = entry.Elements(Atom + "author").Select(a => TextCleaner.Clean(a.Element(Atom + "name")?.Value)).Where(a => a.Length > 0).ToList(),
                Published = Timestamps.Day(entry.Element(Atom + "published")?.Value),
                Submitted = Timestamps.Moment(entry.Element(Atom + "published")?.Value),
                Categories = categories,
                SourceFile = sourceFile,
                Line = line,
            });
        }
        return new SourceResult(papers, skipped);
    }

    /// <summary>"http://arxiv.org/abs/2510.14968v1" → "2510.14968v1" (the version goes in normalisation).</summary>
    private static string? IdFrom(string? url)
    {
        if (url is null) return null;
        var marker = url.IndexOf("/abs/", StringComparison.Ordinal);
        return marker >= 0 ? url[(marker + 5)..].Trim() : url.Trim();
    }

}
