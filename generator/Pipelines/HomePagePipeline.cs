using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>"/": the latest trending day's papers, with links to earlier days.</summary>
public sealed class HomePagePipeline : IPipeline
{
    public const int EarlierDays = 14;
    public const int WeekTopCount = 5;

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
        yield return context.HtmlPage(Urls.Home, "home",
            () => context.Page(site.Config.Title, site.Config.Description, Urls.Home),
            () =>
            {
                if (site.Days.Count == 0) return new HomeView(null, [], []);
                var (day, papers) = site.Days[0];
                return new HomeView(
                    context.Views.DayLink(day, papers.Count),
                    context.Views.Papers(papers),
                    site.Days.Skip(1).Take(EarlierDays).Select(d => context.Views.DayLink(d.Day, d.Papers.Count)).ToList())
                {
                    WeekTop = context.Views.Papers(WeekTop(site, day)),
                };
            }) with { LastModified = site.LastUpdated };
    }
}
