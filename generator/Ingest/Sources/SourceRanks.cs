namespace PaperTrail.Ingest.Sources;

/// <summary>
/// Ranks papers by the order a source lists them in: the first paper of each trending day is 1. A
/// source's list is its day's ranking (a scrape top to bottom, the daily answer as the page shows it),
/// and an answer of many days ranks each day on its own.
/// </summary>
internal static class SourceRanks
{
    public static List<SourcePaper> ByOrder(IEnumerable<SourcePaper> papers)
    {
        // Papers without a day of their own take the command line's: one list of their own.
        var next = new Dictionary<DateOnly, int>();
        var undated = 0;
        var ranked = new List<SourcePaper>();
        foreach (var paper in papers)
        {
            int rank;
            if (paper.Trending is { } day) next[day] = rank = next.GetValueOrDefault(day) + 1;
            else rank = ++undated;
            ranked.Add(paper with { Rank = rank });
        }
        return ranked;
    }
}
