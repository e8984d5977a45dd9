namespace PaperTrail.Rendering;

/// <summary>One feed to list in an OPML file.</summary>
internal sealed record OpmlFeed(string Title, string XmlUrl, string HtmlUrl);

/// <summary>Writes OPML 2.0 so a reader can subscribe to every topic feed at once.</summary>
internal static class OpmlWriter
{
    public static byte[] Write(string title, IEnumerable<OpmlFeed> feeds) => XmlText.Write(xml =>
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("opml");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteStartElement("head");
        xml.WriteElementString("title", XmlText.Clean(title));
        xml.WriteEndElement();
        xml.WriteStartElement("body");
        foreach (var feed in feeds)
        {
            xml.WriteStartElement("outline");
            xml.WriteAttributeString("type", "rss");
            xml.WriteAttributeString("text", XmlText.Clean(feed.Title));
            xml.WriteAttributeString("title", XmlText.Clean(feed.Title));
            xml.WriteAttributeString("xmlUrl", feed.XmlUrl);
            xml.WriteAttributeString("htmlUrl", feed.HtmlUrl);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    });
}
