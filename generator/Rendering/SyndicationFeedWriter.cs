using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

namespace PaperTrail.Rendering;

/// <summary>Writes a <see cref="FeedDocument"/> as RSS 2.0 or Atom 1.0 with System.ServiceModel.Syndication.</summary>
internal static class SyndicationFeedWriter
{
    /// <summary>RFC 5005's namespace, for the <c>archive</c> element of an archive document.</summary>
    public const string FeedHistoryNamespace = "http://purl.org/syndication/history/1.0";

    public static byte[] Rss(FeedDocument document) =>
        XmlText.Write(writer => new Rss20FeedFormatter(ToFeed(document, "application/rss+xml", document.Updated), serializeExtensionsAsAtom: true).WriteTo(writer));

    // Atom requires a date on the feed; the formatter would put the clock's there.
    public static byte[] Atom(FeedDocument document) =>
        XmlText.Write(writer => new Atom10FeedFormatter(
            ToFeed(document, "application/atom+xml", document.Updated ?? document.EmptyAtomUpdated ?? DateTimeOffset.UnixEpoch)).WriteTo(writer));

    private static SyndicationFeed ToFeed(FeedDocument document, string mediaType, DateTimeOffset? updated)
    {
        var feed = new SyndicationFeed(XmlText.Clean(document.Title), XmlText.Clean(document.Description), new Uri(document.HomeUrl))
        {
            Id = document.SelfUrl,
            Language = document.Language,
            Generator = "Paper Trail",
        };
        if (updated is { } date) feed.LastUpdatedTime = date;
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(document.SelfUrl), mediaType));
        foreach (var link in document.Links)
            feed.Links.Add(new SyndicationLink(new Uri(link.Href), link.Rel, null, link.Rel == "hub" ? null : "application/atom+xml", 0));
        // From an XElement, not an object: no data contract serializer (which a native build may lack).
        if (document.IsArchive) feed.ElementExtensions.Add(new XElement(XName.Get("archive", FeedHistoryNamespace)).CreateReader());
        feed.Authors.Add(new SyndicationPerson { Name = XmlText.Clean(document.Author) });
        feed.Items = document.Entries.Select(ToItem).ToList();
        return feed;
    }

    private static SyndicationItem ToItem(FeedEntry entry)
    {
        // The abstract goes in the summary alone: no content element (the page is a link away).
        var item = new SyndicationItem
        {
            Title = new TextSyndicationContent(XmlText.Clean(entry.Title)),
            Summary = new TextSyndicationContent(XmlText.Clean(entry.SummaryHtml), TextSyndicationContentKind.Html),
            Id = entry.Id,
            LastUpdatedTime = entry.Updated,
            PublishDate = entry.Published,
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(entry.Url)));
        foreach (var author in entry.Authors) item.Authors.Add(new SyndicationPerson { Name = XmlText.Clean(author) });
        foreach (var category in entry.Categories) item.Categories.Add(new SyndicationCategory(XmlText.Clean(category)));
        return item;
    }
}
