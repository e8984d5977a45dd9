using System.Globalization;
using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Ingest.Sources;

namespace PaperTrail.Ingest.Web;

/// <summary>
/// What one arXiv source brought for one announcement day: its papers, each dated that day, or,
/// when nothing was announced that day, why (<see cref="EmptyBecause"/>): an empty night, which no
/// floor applies to. <see cref="Address"/> is the first page asked for, or null when none was.
/// </summary>
internal sealed record ArxivNight(SourceResult Result, string? EmptyBecause, Uri? Address);

/// <summary>
/// Fetches the papers an arXiv search (site.yml) brought on one announcement day
/// (<see cref="ArxivSchedule"/>): page after page of the API's answer, newest submissions first,
/// until a page reaches back past the day's window or the answer ends. Each paper's trending day is
/// the day its submission time is announced on; those of other days are left out. On a weekend
/// nothing is asked. When the newest paper of the answer was announced before the day, arXiv has
/// announced nothing for it (a holiday, or an announcement not yet out): an empty night too.
/// The <see cref="PaperFetcher"/> given paces the requests (arXiv's terms: one every 3 s).
/// </summary>
internal sealed class ArxivFetcher(PaperFetcher fetcher, Uri apiBase, TextWriter output, int pageSize = ArxivQuery.PageSize)
{
    /// <summary>Pages per source and day at most: 10,000 papers, 50 requests, 2½ minutes at arXiv's pace.</summary>
    public const int MaxPages = 50;

    public ArxivNight Fetch(ArxivSearch search, DateOnly day)
    {
        if (ArxivSchedule.NoAnnouncement(day) is { } none) return new ArxivNight(new SourceResult([], []), none, null);
        var (from, _) = ArxivSchedule.Window(day);
        var papers = new List<SourcePaper>();
        var skipped = new List<SkippedRecord>();
        var cuts = new List<SourceFieldCut>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        DateOnly? newest = null;
        Uri? first = null;
        for (var page = 0; ; page++)
        {
            var url = ArxivQuery.PageUrl(apiBase, search, page * pageSize, pageSize);
            if (page == MaxPages)
                throw UserError.At(url.ToString(), 0, string.Create(CultureInfo.InvariantCulture,
                    $"{search.Label}: {MaxPages} pages of {pageSize} papers do not reach back to {from:yyyy-MM-dd HH:mm} UTC, where {day:yyyy-MM-dd}'s announcement begins: narrow the source in site.yml; nothing was written"));
            first ??= url;
            output.WriteLine($"fetch: {url.AbsoluteUri}");
            var document = fetcher.FetchAsync(url).GetAwaiter().GetResult();
            if (!new ArxivAtomSource().Recognises(url.ToString(), document.Bytes))
                throw UserError.At(url.ToString(), 0, $"not an arXiv API answer ({document.MediaType ?? "no media type"}, {document.Bytes.Length} bytes): no Atom feed from arxiv.org; nothing was written");
            var read = SourceRegistry.Read(url.ToString(), document.Bytes, "arxiv");
            skipped.AddRange(read.Skipped);
            cuts.AddRange(read.Cuts);
            DateTimeOffset? oldest = null;
            foreach (var paper in read.Papers)
            {
                if (paper.Submitted is not { } submitted)
                {
                    skipped.Add(new SkippedRecord(paper.SourceFile, paper.Line, $"\"{paper.Title}\" has no submission time (published), so no announcement day"));
                    continue;
                }
                if (oldest is null || submitted < oldest) oldest = submitted;
                var announced = ArxivSchedule.AnnouncementDay(submitted);
                if (newest is null || announced > newest) newest = announced;
                if (announced == day && seen.Add(paper.Arxiv!)) papers.Add(paper with { Trending = day });
            }
            // A short page is the answer's last; one that reaches before the window, the last needed.
            if (read.Papers.Count + read.Skipped.Count < pageSize || oldest < from) break;
        }
        var result = new SourceResult(papers, skipped) { Cuts = cuts };
        if (papers.Count == 0 && newest < day)
            return new ArxivNight(result, string.Create(CultureInfo.InvariantCulture,
                $"arXiv has announced nothing dated {day.DayOfWeek} {day:yyyy-MM-dd} yet: the newest paper of the answer was announced {newest:yyyy-MM-dd} (a holiday, or an announcement still to come)"), first);
        return new ArxivNight(result, null, first);
    }
}
