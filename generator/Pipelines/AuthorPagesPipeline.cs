using PaperTrail.Rendering;
using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>
/// "/authors/&lt;slug&gt;/" for each author with enough trending papers (<see cref="AuthorIndex"/>):
/// their papers newest first, with RSS and Atom feeds of them, so a reader can follow a person.
/// </summary>
internal sealed class AuthorPagesPipeline : IPipeline
{
    /// <summary>An author's page or feed: the name shown and their papers, each with the day it is listed under.</summary>
    internal sealed record AuthorInput(string Name, string Slug, IReadOnlyList<FeedItem> Papers);

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var site = context.Site;
        foreach (var author in site.Authors.All)
        {
            // Listed under its newest trending day, at its place that day: an author's feed reads like the site's.
            var items = author.Papers
                .Select(p => FeedItem.Latest(p, site.Positions))
                .OrderByDescending(i => i.Day).ThenBy(i => i.Position).ThenBy(i => i.Paper.Slug, StringComparer.Ordinal)
                .ToList();
            var input = new AuthorInput(author.Name, author.Slug, items);
            yield return context.Page(Urls.Author(author.Slug), "author", input, static (shared, path, author) =>
            {
                var page = shared.Page(shared.Title(author.Name),
                    shared.Strings.Count("author.description", author.Papers.Count, ("name", author.Name), ("site", shared.Config.Title)), path,
                    extraFeeds: [new FeedLinkView(shared.Urls.Href(Urls.AuthorRss(author.Slug)), "application/rss+xml", $"{author.Name} (RSS)", "RSS"),
                                 new FeedLinkView(shared.Urls.Href(Urls.AuthorAtom(author.Slug)), "application/atom+xml", $"{author.Name} (Atom)", "Atom")]);
                return new PageModel(page, new AuthorView(author.Name, author.Papers.Select(i => shared.Views.Paper(i.Paper)).ToList(),
                    shared.Urls.Href(Urls.AuthorRss(author.Slug)), shared.Urls.Href(Urls.AuthorAtom(author.Slug))));
            }) with
            { LastModified = items[0].Day };
            var feedItems = items.Take(site.Config.FeedSize).ToList();
            var feedInput = input with { Papers = feedItems };
            yield return context.File(Urls.AuthorRss(author.Slug), "author-feed", feedInput, static (shared, path, author) =>
                SyndicationFeedWriter.Rss(Document(shared, path, author)));
            yield return context.File(Urls.AuthorAtom(author.Slug), "author-feed", feedInput, static (shared, path, author) =>
                SyndicationFeedWriter.Atom(Document(shared, path, author)));
        }
    }

    private static FeedDocument Document(SharedViews shared, string path, AuthorInput author)
    {
        var entries = author.Papers.Select(i => FeedEntries.Current(shared, i)).ToList();
        return new FeedDocument
        {
            Title = $"{author.Name} · {shared.Config.Title}",
            Description = shared.Strings.Text("author.feed_description", ("name", author.Name), ("site", shared.Config.Title)),
            Language = shared.Config.Language,
            HomeUrl = shared.Urls.Absolute(Urls.Author(author.Slug)),
            SelfUrl = shared.Urls.Absolute(path),
            Author = shared.Config.Author ?? shared.Config.Title,
            Updated = entries.Max(e => e.Updated),
            Links = FeedLinks.Hub(shared.Config),
            Entries = entries,
        };
    }
}
