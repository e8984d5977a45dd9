using System.Net;
using System.Text;
using PaperTrail.Rendering;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>
/// The daily digest feed (<c>/digest.xml</c>: one item per day listing that day's papers, what an
/// RSS-to-email service sends as the daily e-mail) and the <c>/subscribe/</c> page that explains
/// every way to follow the archive.
/// </summary>
public sealed class SubscribePipeline : IPipeline
{
    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var site = context.Site;
        var config = site.Config;
        var days = site.Days.Take(config.FeedSize).ToList();
        yield return new PlannedOutput(Urls.Digest, OutputKind.Data, () => SyndicationFeedWriter.Rss(new FeedDocument
        {
            Title = $"{config.Title}: daily digest",
            Description = $"One item a day with the papers that trended that day on {config.Title}.",
            Language = config.Language,
            HomeUrl = context.Urls.Absolute(Urls.Days),
            SelfUrl = context.Urls.Absolute(Urls.Digest),
            Author = config.Author ?? config.Title,
            Updated = site.LastUpdated is { } last ? FeedDates.Midnight(last) : DateTimeOffset.UnixEpoch,
            Entries = days.Select(d => DayEntry(context, d.Day, d.Papers)).ToList(),
        }))
        {
            // Made from the latest days and their papers (each item's text from the paper alone): papers
            // added to older days leave the digest as it was, and it is not made again.
            Fingerprint = () => ViewHasher.Of("digest", site.LastUpdated, days.Select(d => d.Day).ToList(), days.Select(d => d.Papers).ToList()),
        };

        var feeds = context.SiteView.Feeds;
        yield return context.HtmlPage(Urls.Subscribe, "subscribe",
            () => context.Page($"Subscribe · {config.Title}", "Follow the archive by feed, by topic, or by a daily e-mail.", Urls.Subscribe),
            () => new SubscribeView(feeds, context.Urls.Href(Urls.Digest), context.Urls.Absolute(Urls.Digest),
                context.Urls.Href(Urls.Opml), context.Urls.Href(Urls.Topics), context.Urls.Absolute(Urls.Rss)))
            with { LastModified = site.LastUpdated };
    }

    private static FeedEntry DayEntry(BuildContext context, DateOnly day, IReadOnlyList<SitePaper> papers)
    {
        var url = context.Urls.Absolute(Urls.Day(day));
        var html = new StringBuilder("<ul>");
        foreach (var paper in papers)
        {
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(context.Urls.Absolute(Urls.Paper(paper.Slug)))).Append("\">")
                .Append(WebUtility.HtmlEncode(paper.Paper.Title)).Append("</a>");
            var summary = context.Views.Paper(paper).Summary;
            if (summary.Length > 0) html.Append("<br>").Append(WebUtility.HtmlEncode(summary));
            html.Append("</li>");
        }
        html.Append("</ul>");
        return new FeedEntry
        {
            Id = url,
            Url = url,
            Title = $"{papers.Count} papers trending on {ViewFactory.Date(day)}",
            SummaryHtml = html.ToString(),
            Published = FeedDates.Midnight(day),
            Updated = FeedDates.Midnight(day),
        };
    }
}
