using System.Globalization;
using System.Net;
using System.Text;
using PaperTrail.Rendering;
using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>
/// The weekly digest, <c>/digest/weekly.xml</c>: one item per week with the week's <c>digest_size</c>
/// (10) most upvoted papers, linking to the week's page (<see cref="TopPagesPipeline"/>). A week is
/// published once the archive has a day after it: until then its top papers are not settled. A week
/// none of whose papers has an upvote count has nothing to tell and no item.
/// </summary>
internal sealed class WeeklyDigestPipeline : IPipeline
{
    /// <summary>A closed week and its most upvoted papers.</summary>
    internal sealed record WeekInput(IsoWeek Week, IReadOnlyList<SitePaper> Top);

    /// <summary>The newest closed weeks, newest first: what the weekly feed is made from.</summary>
    internal sealed record WeeklyFeedInput(IReadOnlyList<WeekInput> Weeks);

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var site = context.Site;
        var closed = TopPeriod<IsoWeek>.Of(site, IsoWeek.Of, site.Config.DigestSize)
            .Where(w => site.LastUpdated is { } newest && w.Key.Sunday() < newest && w.Top.Count > 0)
            .Select(w => new WeekInput(w.Key, w.Top));
        var feed = new WeeklyFeedInput(closed.Take(site.Config.FeedSize).ToList());
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

    private static string Range(IsoWeek week) => TopPagesPipeline.Range(week.Monday(), week.Sunday());

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
