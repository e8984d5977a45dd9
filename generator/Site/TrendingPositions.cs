namespace PaperTrail.Site;

/// <summary>
/// Where each paper stands in each trending day's reading order: feeds date a paper within its day by
/// that place, the same in every feed that carries it.
/// </summary>
internal sealed class TrendingPositions
{
    private readonly Dictionary<(string Slug, DateOnly Day), int> _positions = [];

    public TrendingPositions(IReadOnlyList<(DateOnly Day, IReadOnlyList<SitePaper> Papers)> days)
    {
        foreach (var (day, papers) in days)
            for (var i = 0; i < papers.Count; i++) _positions[(papers[i].Slug, day)] = i;
    }

    /// <summary>The paper's place on that day, 0 if it did not trend then.</summary>
    public int Of(SitePaper paper, DateOnly day) => _positions.GetValueOrDefault((paper.Slug, day));
}
