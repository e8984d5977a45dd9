using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PaperTrail.Content;

namespace PaperTrail.Rendering;

/// <summary>
/// The schema.org ScholarlyArticle block of a paper page. Written with System.Text.Json's default
/// encoder, which escapes &lt; &gt; &amp; and quotes, so no title can close the &lt;script&gt; element
/// the block sits in.
/// </summary>
internal static class JsonLd
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    public static string ScholarlyArticle(Paper paper, string url, IEnumerable<string> topicNames)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "ScholarlyArticle");
            json.WriteString("name", InlineTex.Plain(paper.Title));
            json.WriteString("url", url);
            json.WriteString("datePublished", PaperWriter.Date(paper.Published ?? paper.FirstTrending));
            if (paper.Authors.Count > 0)
            {
                json.WriteStartArray("author");
                foreach (var author in paper.Authors)
                {
                    json.WriteStartObject();
                    json.WriteString("@type", "Person");
                    json.WriteString("name", author);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            if (paper.Arxiv is { } id)
            {
                // The DOI as schema.org writes one (a PropertyValue named by propertyID, and the
                // doi.org address among sameAs), beside the arXiv id.
                json.WriteStartArray("identifier");
                Identifier(json, "DOI", ArxivId.Doi(id));
                Identifier(json, "arXiv", id);
                json.WriteEndArray();
                json.WriteStartArray("sameAs");
                json.WriteStringValue("https://arxiv.org/abs/" + id);
                json.WriteStringValue("https://doi.org/" + ArxivId.Doi(id));
                json.WriteEndArray();
            }
            var keywords = topicNames.ToList();
            if (keywords.Count > 0) json.WriteString("keywords", string.Join(", ", keywords));
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Identifier(Utf8JsonWriter json, string kind, string value)
    {
        json.WriteStartObject();
        json.WriteString("@type", "PropertyValue");
        json.WriteString("propertyID", kind);
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
