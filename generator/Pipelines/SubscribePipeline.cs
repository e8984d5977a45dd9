using System.Net;
using System.Text;
using PaperTrail.Content;
using PaperTrail.Rendering;
using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>
/// The daily digest feed (<c>/digest.xml</c>: one item per day listing that day's papers, what an
/// RSS-to-email service sends as the daily e-mail) and the <c>/subscribe/</c> page that explains
/// every way to follow the archive.
/// </summary>
internal sealed class SubscribePipeline : IPipeline
{
    /// <summary>The latest days, newest first, each with its papers: what the digest is made from.</summary>
    internal sealed record DigestInput(IReadOnlyList<(DateOnly Day, IReadOnlyList<SitePaper> Papers)> Days);

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var site = context.Site;
        // Papers added to older days leave the digest as it was, and it is not made again.
        var digest = new DigestInput(site.Days.Take(site.Config.FeedSize).ToList());
        yield return context.File(Urls.Digest, "digest", digest, static (shared, path, digest) =>
        {
            var config = shared.Config;
            return SyndicationFeedWriter.Rss(new FeedDocument
            {
                Title = shared.Strings.Text("feeds.daily_title", ("site", config.Title)),
                Description = shared.Strings.Text("feeds.daily_description", ("site", config.Title)),
                Language = config.Language,
                HomeUrl = shared.Urls.Absolute(Urls.Days),
                SelfUrl = shared.Urls.Absolute(path),
                Author = config.Author ?? config.Title,
                Updated = digest.Days.Count > 0 ? FeedDates.Midnight(digest.Days[0].Day) : null,
                Entries = digest.Days.Select(d => DayEntry(shared, d.Day, d.Papers)).ToList(),
                Links = FeedLinks.Hub(config),
            });
        });

        // Made of site.yml's addresses alone.
        yield return context.Page(Urls.Subscribe, "subscribe", "", static (shared, path, _) => new PageModel(
            shared.Page(shared.Title(shared.Strings.Text("subscribe.title")), shared.Strings.Text("subscribe.description"), path),
            new SubscribeView(shared.Site.Feeds, shared.Urls.Href(Urls.Digest), shared.Urls.Absolute(Urls.Digest),
                shared.Urls.Href(Urls.Opml), shared.Urls.Href(Urls.Topics), shared.Urls.Absolute(Urls.Rss))
            { WeeklyHref = shared.Urls.Href(Urls.WeeklyDigest), WeeklyUrl = shared.Urls.Absolute(Urls.WeeklyDigest) }))
            with
        { LastModified = site.LastUpdated };
    }

    private static FeedEntry DayEntry(SharedViews shared, DateOnly day, IReadOnlyList<SitePaper> papers)
    {
        var url = shared.Urls.Absolute(Urls.Day(day));
        var html = new StringBuilder("<ul>");
        foreach (var paper in papers)
        {
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(shared.Urls.Absolute(Urls.Paper(paper.Slug)))).Append("\">")
                .Append(WebUtility.HtmlEncode(InlineTex.Plain(paper.Paper.Title))).Append("</a>");
            var summary = shared.Views.Paper(paper).Summary;
            if (summary.Length > 0) html.Append("<br>").Append(WebUtility.HtmlEncode(summary));
            html.Append("</li>");
        }
        html.Append("</ul>");
        return new FeedEntry
        {
            Id = url,
            Url = url,
            Title = shared.Strings.Count("feeds.daily_item", papers.Count, ("date", shared.Strings.Day(day))),
            SummaryHtml = html.ToString(),
            Published = FeedDates.Midnight(day),
            Updated = FeedDates.Midnight(day),
        };
    }
}
