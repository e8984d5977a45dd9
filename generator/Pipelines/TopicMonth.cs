using System.Globalization;
using PaperTrail.Site;

namespace PaperTrail.Pipelines;

/// <summary>The papers of a topic that first trended in one month, in the topic's order (newest first).</summary>
internal sealed record TopicMonth(int Year, int Month, IReadOnlyList<SitePaper> Papers)
{
}

internal static class TopicMonths
{
    /// <summary>A topic's papers (newest first) cut into the months they first trended in, newest month first.</summary>
    public static IReadOnlyList<TopicMonth> Of(IReadOnlyList<SitePaper> papers)
    {
        var months = new List<TopicMonth>();
        var start = 0;
        for (var i = 1; i <= papers.Count; i++)
        {
            if (i < papers.Count && SameMonth(papers[i].Paper.FirstTrending, papers[start].Paper.FirstTrending)) continue;
            var first = papers[start].Paper.FirstTrending;
            months.Add(new TopicMonth(first.Year, first.Month, papers.Skip(start).Take(i - start).ToList()));
            start = i;
        }
        return months;
    }

    private static bool SameMonth(DateOnly a, DateOnly b) => a.Year == b.Year && a.Month == b.Month;
}
