using System.Globalization;
using System.Net;
using System.Text;
using PaperTrail.Rendering;
using PaperTrail.Site;

namespace PaperTrail.Pipelines;

/// <summary>
/// A paper as a feed item: the abstract, then the links a reader acts on (arXiv, PDF, code, Hugging
/// Face…), the topics as links, and in a subscription feed the upvotes with the day they were read.
/// Every scraped string is HTML-escaped here; the abstract is the renderer's safe HTML.
/// </summary>
internal static class FeedEntries
{
    /// <summary>An item of a subscription feed: dated by its place on the day it is listed under.</summary>
    public static FeedEntry Current(SharedViews shared, FeedItem item) => Make(shared, item, withUpvotes: true);

    /// <summary>
    /// An item of a month's archive: dated by its first day only and without upvotes, so a paper that
    /// trends again later leaves closed months' archives as they were.
    /// </summary>
    public static FeedEntry Archived(SharedViews shared, FeedItem item) => Make(shared, item, withUpvotes: false);

    private static FeedEntry Make(SharedViews shared, FeedItem item, bool withUpvotes)
    {
        var paper = item.Paper;
        var view = shared.Views.Paper(paper);
        var url = shared.Urls.Absolute(Urls.Paper(paper.Slug));
        var html = new StringBuilder(view.AbstractHtml);
        if (view.Links.Count > 0)
        {
            html.Append("\n<p>");
            for (var i = 0; i < view.Links.Count; i++)
            {
                if (i > 0) html.Append(" · ");
                Link(html, view.Links[i].Href, view.Links[i].Label);
            }
            html.Append("</p>");
        }
        if (paper.Topics.Count > 0)
        {
            html.Append("\n<p>").Append(shared.Strings.Html("feeds.topics", null, [], null)).Append(' ');
            for (var i = 0; i < paper.Topics.Count; i++)
            {
                if (i > 0) html.Append(", ");
                Link(html, shared.Urls.Absolute(Urls.Topic(paper.Topics[i].Slug)), paper.Topics[i].Name);
            }
            html.Append("</p>");
        }
        if (withUpvotes && paper.Paper.Upvotes is { } upvotes)
        {
            // Upvotes are read when the paper trends, so they are as of its latest trending day.
            var asOf = shared.Strings.Day(paper.Paper.Trending[^1]);
            html.Append("\n<p>").Append(shared.Strings.CountHtml("feeds.upvotes_as_of", upvotes, ("date", asOf))).Append("</p>");
        }
        return new FeedEntry
        {
            Id = url,
            Url = url,
            Title = InlineTex.Plain(paper.Paper.Title),
            SummaryHtml = html.ToString(),
            Published = FeedDates.AtPosition(item.FirstDay, item.FirstPosition),
            Updated = withUpvotes ? FeedDates.AtPosition(item.Day, item.Position) : FeedDates.AtPosition(item.FirstDay, item.FirstPosition),
            Authors = Authors(paper.Paper.Authors),
            Categories = paper.Topics.Select(t => t.Name).ToList(),
        };
    }

    /// <summary>The first authors, then "et al." for the rest: a paper of 300 authors listed them all in every feed that held it.</summary>
    private static IReadOnlyList<string> Authors(IReadOnlyList<string> authors) =>
        authors.Count <= MaxAuthors ? authors : [.. authors.Take(MaxAuthors), "et al."];

    /// <summary>Authors an item names before "et al.": the paper page lists them all.</summary>
    public const int MaxAuthors = 10;

    private static void Link(StringBuilder html, string href, string label) =>
        html.Append("<a href=\"").Append(WebUtility.HtmlEncode(href)).Append("\">").Append(WebUtility.HtmlEncode(label)).Append("</a>");
}
