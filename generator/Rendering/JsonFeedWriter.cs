using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PaperTrail.Rendering;

/// <summary>Writes a <see cref="FeedDocument"/> as JSON Feed 1.1 with System.Text.Json.</summary>
internal static class JsonFeedWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // The default encoder escapes <, >, &, quotes and non-ASCII: safe even if the JSON is embedded in HTML.
        Encoder = JavaScriptEncoder.Default,
    };

    public static byte[] Write(FeedDocument document)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", document.Title);
            json.WriteString("home_page_url", document.HomeUrl);
            json.WriteString("feed_url", document.SelfUrl);
            json.WriteString("description", document.Description);
            json.WriteString("language", document.Language);
            // JSON Feed 1.1 names a WebSub hub this way.
            if (document.Links.FirstOrDefault(l => l.Rel == "hub") is { } hub)
            {
                json.WriteStartArray("hubs");
                json.WriteStartObject();
                json.WriteString("type", "WebSub");
                json.WriteString("url", hub.Href);
                json.WriteEndObject();
                json.WriteEndArray();
            }
            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", document.Author);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("items");
            foreach (var entry in document.Entries)
            {
                json.WriteStartObject();
                json.WriteString("id", entry.Id);
                json.WriteString("url", entry.Url);
                json.WriteString("title", entry.Title);
                json.WriteString("content_html", entry.SummaryHtml);
                json.WriteString("date_published", Rfc3339(entry.Published));
                json.WriteString("date_modified", Rfc3339(entry.Updated));
                if (entry.Authors.Count > 0)
                {
                    json.WriteStartArray("authors");
                    foreach (var author in entry.Authors)
                    {
                        json.WriteStartObject();
                        json.WriteString("name", author);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                if (entry.Categories.Count > 0)
                {
                    json.WriteStartArray("tags");
                    foreach (var tag in entry.Categories) json.WriteStringValue(tag);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static string Rfc3339(DateTimeOffset date) =>
        date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
