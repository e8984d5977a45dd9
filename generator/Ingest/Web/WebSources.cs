using System.Globalization;

namespace PaperTrail.Ingest.Web;

/// <summary>The web addresses <c>ingest --from</c> knows, and the source that reads each.</summary>
internal static class WebSources
{
    public static IReadOnlyList<string> Names => Content.SiteConfig.WebSourceNames;

    /// <summary>The address to fetch and the source to read it with, or null for an unknown name.</summary>
    public static (Uri Url, string Source)? Resolve(string name, Uri huggingFace, DateOnly date) => name switch
    {
        "hf-trending" => (new Uri(huggingFace, "papers/trending"), "hf-html"),
        "hf-daily" => (new Uri(huggingFace, $"api/daily_papers?date={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"), "hf-json"),
        _ => null,
    };
}
