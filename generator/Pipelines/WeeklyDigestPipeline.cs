using System.Globalization;
using System.Net;
using System.Text;
using PaperTrail.Rendering;
using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>
/// The weekly digest: a page per ISO week, <c>/top/week/YYYY-Www/</c>, with the week's most upvoted
/// papers (<c>digest_size</c>, 10), and <c>/digest/weekly.xml</c>, one item per week. A week is
/// published once the archive has a day after it: until then its top papers are not settled.
/// </summary>
internal sealed class WeeklyDigestPipeline : IPipeline
{
    /// <summary>A closed week: its most upvoted papers, how many trended in it, and the closed weeks around it.</summary>
    internal sealed record WeekInput(IsoWeek Week, IReadOnlyList<SitePaper> Top, int Total, IsoWeek? Older, IsoWeek? Newer);

    /// <summary>The newest closed weeks, newest first: what the weekly feed is made from.</summary>
    internal sealed record WeeklyFeedInput(IReadOnlyList<WeekInput> Weeks);

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var weeks = ClosedWeeks(context.Site);
        foreach (var week in weeks)
            yield return context.Page(Urls.TopWeek(week.Week), "week", week, static (shared, path, week) =>
            {
                var range = Range(week.Week);
                var trended = week.Total == 1 ? "1 paper trended" : $"{week.Total} papers trended";
                var page = shared.Page($"Most upvoted, week {week.Week} · {shared.Config.Title}",
                    week.Top.Count < week.Total ? $"The {week.Top.Count} most upvoted of the {week.Total} papers that trended from {range}." : $"{trended} from {range}, most upvoted first.", path);
                LinkView? Link(IsoWeek? other) => other is { } o ? new LinkView(shared.Urls.Href(Urls.TopWeek(o)), o.ToString()) : null;
                var entries = week.Top.Select(p => new WeekEntryView(shared.Views.Paper(p), p.Paper.Upvotes ?? 0, ViewFactory.Date(p.Paper.Trending[^1]))).ToList();
                return new PageModel(page, new WeekView(week.Week.ToString(), range, entries, week.Total, Link(week.Older), Link(week.Newer),
                    shared.Urls.Href(Urls.WeeklyDigest)));
            }) with
            { LastModified = week.Week.Sunday() };

        var feed = new WeeklyFeedInput(weeks.Take(context.Site.Config.FeedSize).ToList());
        yield return context.File(Urls.WeeklyDigest, "weekly-digest", feed, static (shared, path, feed) =>
        {
            var config = shared.Config;
            var entries = feed.Weeks.Select(w => WeekEntry(shared, w)).ToList();
            return SyndicationFeedWriter.Rss(new FeedDocument
            {
                Title = $"{config.Title}: weekly digest",
                Description = $"One item a week with that week's most upvoted papers on {config.Title}.",
                Language = config.Language,
                HomeUrl = shared.Urls.Absolute(Urls.Home),
                SelfUrl = shared.Urls.Absolute(path),
                Author = config.Author ?? config.Title,
                Updated = entries.Count > 0 ? entries[0].Updated : null,
                Entries = entries,
                Links = FeedLinks.Hub(config),
            });
        });
    }

    /// <summary>Every week before the newest day's week, newest first, with its most upvoted papers.</summary>
    private static List<WeekInput> ClosedWeeks(SiteModel site)
    {
        if (site.LastUpdated is not { } newest) return [];
        var size = site.Config.DigestSize;
        var weeks = site.Days
            .Where(d => IsoWeek.Of(d.Day).Sunday() < newest)
            .GroupBy(d => IsoWeek.Of(d.Day))
            .Select(g =>
            {
                // Days come newest first, each in reading order: the first listing of a paper is its newest.
                var papers = g.SelectMany(d => d.Papers).DistinctBy(p => p.Slug).ToList();
                var top = papers.Select((p, i) => (Paper: p, Order: i))
                    .OrderByDescending(x => x.Paper.Paper.Upvotes ?? -1).ThenBy(x => x.Order)
                    .Take(size).Select(x => x.Paper).ToList();
                return (Week: g.Key, Top: top, Total: papers.Count);
            })
            .OrderByDescending(w => w.Week)
            .ToList();
        return weeks.Select((w, i) => new WeekInput(w.Week, w.Top, w.Total,
            i + 1 < weeks.Count ? weeks[i + 1].Week : null, i > 0 ? weeks[i - 1].Week : null)).ToList();
    }

    private static string Range(IsoWeek week) =>
        $"{week.Monday().ToString("d MMM", CultureInfo.InvariantCulture)} to {week.Sunday().ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    private static FeedEntry WeekEntry(SharedViews shared, WeekInput week)
    {
        var url = shared.Urls.Absolute(Urls.TopWeek(week.Week));
        var html = new StringBuilder("<ol>");
        foreach (var paper in week.Top)
        {
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(shared.Urls.Absolute(Urls.Paper(paper.Slug)))).Append("\">")
                .Append(WebUtility.HtmlEncode(InlineTex.Plain(paper.Paper.Title))).Append("</a>");
            if (paper.Paper.Upvotes is { } upvotes)
                html.Append(CultureInfo.InvariantCulture, $" ({upvotes} {(upvotes == 1 ? "upvote" : "upvotes")})");
            var summary = shared.Views.Paper(paper).Summary;
            if (summary.Length > 0) html.Append("<br>").Append(WebUtility.HtmlEncode(summary));
            html.Append("</li>");
        }
        html.Append("</ol>");
        // Published the day after the week: the first day it could be.
        var published = FeedDates.Midnight(week.Week.Sunday().AddDays(1));
        return new FeedEntry
        {
            Id = url,
            Url = url,
            Title = $"Most upvoted papers of {Range(week.Week)} ({week.Week})",
            SummaryHtml = html.ToString(),
            Published = published,
            Updated = published,
        };
    }
}
