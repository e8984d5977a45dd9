using PaperTrail.Rendering;
using PaperTrail.Site;

namespace PaperTrail.Pipelines;

/// <summary>
/// sitemap.xml: every listed page of the plan. Runs after the other pipelines. Above the protocol's
/// 50,000 URLs per file, sitemap.xml becomes a sitemap index over sitemap-1.xml, sitemap-2.xml, …
/// </summary>
internal static class SitemapPipeline
{
    public const int MaxUrlsPerFile = 50_000;

    public static IEnumerable<PlannedOutput> Plan(BuildContext context, IReadOnlyList<PlannedOutput> planned, int maxUrlsPerFile = MaxUrlsPerFile)
    {
        var pages = planned.Where(o => o.Kind == OutputKind.Page).ToList();
        // The entries (ordered, with absolute URLs) are made when the sitemap renders, alongside the
        // pages, rather than while the build plans: at 10,000 papers that was 60 ms no other work overlapped.
        var entries = new Lazy<List<SitemapEntry>>(() => pages
            .OrderBy(o => o.Path, StringComparer.Ordinal)
            .Select(o => new SitemapEntry(context.Urls.Absolute(o.Path), o.LastModified))
            .ToList());
        if (pages.Count <= maxUrlsPerFile)
        {
            yield return new PlannedOutput(Urls.Sitemap, OutputKind.Data, () => SitemapWriter.Write(entries.Value));
            yield break;
        }
        var names = new List<string>();
        for (var i = 0; i * maxUrlsPerFile < pages.Count; i++)
        {
            var first = i * maxUrlsPerFile;
            var name = $"sitemap-{i + 1}.xml";
            names.Add(name);
            yield return new PlannedOutput(name, OutputKind.Data, () => SitemapWriter.Write(entries.Value.Skip(first).Take(maxUrlsPerFile).ToList()));
        }
        var lastModified = context.Site.LastUpdated;
        yield return new PlannedOutput(Urls.Sitemap, OutputKind.Data,
            () => SitemapWriter.WriteIndex(names.Select(n => new SitemapEntry(context.Urls.Absolute(n), lastModified))));
    }
}
