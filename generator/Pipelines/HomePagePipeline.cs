using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>"/": the latest trending day's papers, with links to earlier days.</summary>
internal sealed class HomePagePipeline : IPipeline
{
    public const int EarlierDays = 14;
    public const int WeekTopCount = 5;

    /// <param name="Latest">The newest day and its papers in reading order; null for an empty archive.</param>
    /// <param name="EarlierDays">The days before it, with how many papers each.</param>
    /// <param name="WeekTop">The most upvoted papers of the 7 days up to the newest.</param>
    internal sealed record Input(DateOnly? Latest, IReadOnlyList<SitePaper> Papers, IReadOnlyList<(DateOnly Day, int Count)> EarlierDays,
        IReadOnlyList<SitePaper> WeekTop);

    /// <summary>Papers that trended in the 7 days up to <paramref name="latest"/>, most upvoted first.</summary>
    private static IEnumerable<SitePaper> WeekTop(SiteModel site, DateOnly latest) =>
        site.Days.TakeWhile(d => d.Day > latest.AddDays(-7))
            .SelectMany(d => d.Papers)
            .DistinctBy(p => p.Slug)
            .Where(p => p.Paper.Upvotes is > 0)
            .OrderByDescending(p => p.Paper.Upvotes)
            .ThenBy(p => p.Paper.Title, StringComparer.Ordinal)
            .Take(WeekTopCount);

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var site = context.Site;
        var input = site.Days.Count == 0
            ? new Input(null, [], [], [])
            : new Input(site.Days[0].Day, site.Days[0].Papers,
                site.Days.Skip(1).Take(EarlierDays).Select(d => (d.Day, d.Papers.Count)).ToList(), WeekTop(site, site.Days[0].Day).ToList());
        yield return context.Page(Urls.Home, "home", input, static (shared, path, home) =>
        {
            var page = shared.Page(shared.Config.Title, shared.Config.Description, path);
            if (home.Latest is not { } day) return new PageModel(page, new HomeView(null, [], []));
            return new PageModel(page, new HomeView(
                shared.Views.DayLink(day, home.Papers.Count),
                shared.Views.Papers(home.Papers),
                home.EarlierDays.Select(d => shared.Views.DayLink(d.Day, d.Count)).ToList())
            {
                WeekTop = shared.Views.Papers(home.WeekTop),
                TopWeek = new LinkView(shared.Urls.Href(Urls.TopWeek(IsoWeek.Of(day))), TopPeriod.WeekLabel(IsoWeek.Of(day))),
                TopMonth = new LinkView(shared.Urls.Href(Urls.TopMonth(day.Year, day.Month)), TopPeriod.MonthLabel(day.Year, day.Month)),
            });
        }) with
        { LastModified = site.LastUpdated };
    }
}
