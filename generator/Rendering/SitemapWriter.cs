using System.Globalization;

namespace PaperTrail.Rendering;

/// <summary>One URL of the sitemap.</summary>
internal sealed record SitemapEntry(string Url, DateOnly? LastModified);

/// <summary>Writes sitemap.xml (sitemaps.org 0.9), or a sitemap index when one file is not enough.</summary>
internal static class SitemapWriter
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static byte[] Write(IEnumerable<SitemapEntry> entries) => Write("urlset", "url", entries);

    /// <summary>A sitemap index: each entry is the address of a sitemap file.</summary>
    public static byte[] WriteIndex(IEnumerable<SitemapEntry> sitemaps) => Write("sitemapindex", "sitemap", sitemaps);

    private static byte[] Write(string root, string item, IEnumerable<SitemapEntry> entries) => XmlText.Write(xml =>
    {
        xml.WriteStartDocument();
        xml.WriteStartElement(root, Namespace);
        foreach (var entry in entries)
        {
            xml.WriteStartElement(item, Namespace);
            xml.WriteElementString("loc", Namespace, entry.Url);
            if (entry.LastModified is { } day)
                xml.WriteElementString("lastmod", Namespace, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    });
}
