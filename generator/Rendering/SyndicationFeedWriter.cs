using System.ServiceModel.Syndication;
using System.Xml;

namespace PaperTrail.Rendering;

/// <summary>Writes a <see cref="FeedDocument"/> as RSS 2.0 or Atom 1.0 with System.ServiceModel.Syndication.</summary>
public static class SyndicationFeedWriter
{
    public static byte[] Rss(FeedDocument document) =>
        XmlText.Write(writer => new Rss20FeedFormatter(ToFeed(document, "application/rss+xml"), serializeExtensionsAsAtom: true).WriteTo(writer));

    public static byte[] Atom(FeedDocument document) =>
        XmlText.Write(writer => new Atom10FeedFormatter(ToFeed(document, "application/atom+xml")).WriteTo(writer));

    private static SyndicationFeed ToFeed(FeedDocument document, string mediaType)
    {
        var feed = new SyndicationFeed(
            XmlText.Clean(document.Title), XmlText.Clean(document.Description), new Uri(document.HomeUrl), document.SelfUrl, document.Updated)
        {
            Language = document.Language,
            Generator = "Paper Trail",
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(document.SelfUrl), mediaType));
        feed.Authors.Add(new SyndicationPerson { Name = XmlText.Clean(document.Author) });
        feed.Items = document.Entries.Select(ToItem).ToList();
        return feed;
    }

    private static SyndicationItem ToItem(FeedEntry entry)
    {
        var item = new SyndicationItem(
            XmlText.Clean(entry.Title),
            new TextSyndicationContent(XmlText.Clean(entry.SummaryHtml), TextSyndicationContentKind.Html),
            new Uri(entry.Url),
            entry.Id,
            entry.Updated)
        {
            PublishDate = entry.Published,
        };
        item.Summary = new TextSyndicationContent(XmlText.Clean(entry.SummaryHtml), TextSyndicationContentKind.Html);
        item.Content = null;
        foreach (var author in entry.Authors) item.Authors.Add(new SyndicationPerson { Name = XmlText.Clean(author) });
        foreach (var category in entry.Categories) item.Categories.Add(new SyndicationCategory(XmlText.Clean(category)));
        return item;
    }
}
