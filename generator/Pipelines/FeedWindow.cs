using PaperTrail.Site;

namespace PaperTrail.Pipelines;

/// <summary>
/// What a subscription feed holds: whole trending days, newest first, each in the day pages' order,
/// until it holds at least <see cref="WholeDays"/> days and at least <c>feed_size</c> papers. A feed
/// cut at a fixed count dropped most of a busy day (89 of 119 papers on 2026-11-28) by where their
/// titles fell in the alphabet; whole days mean a reader who polls every other day misses nothing.
/// </summary>
internal static class FeedWindow
{
    /// <summary>The trending days a feed always holds entire (those with papers for the feed).</summary>
    public const int WholeDays = 2;

    /// <param name="days">Every trending day, newest first, each in reading order.</param>
    /// <param name="belongs">Whether a paper is for this feed (every paper, or a topic's).</param>
    public static IReadOnlyList<FeedItem> Select(IReadOnlyList<(DateOnly Day, IReadOnlyList<SitePaper> Papers)> days,
        Func<SitePaper, bool> belongs, int feedSize, TrendingPositions positions)
    {
        var items = new List<FeedItem>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var daysTaken = 0;
        foreach (var (day, papers) in days)
        {
            if (daysTaken >= WholeDays && items.Count >= feedSize) break;
            var before = items.Count;
            for (var i = 0; i < papers.Count; i++)
            {
                var paper = papers[i];
                // A paper that trended again is listed once, under its newest day.
                if (!belongs(paper) || !listed.Add(paper.Slug)) continue;
                var first = paper.Paper.FirstTrending;
                items.Add(new FeedItem(paper, day, i, first, first == day ? i : positions.Of(paper, first)));
            }
            if (items.Count > before) daysTaken++;
        }
        return items;
    }
}
