using PaperTrail.Rendering;

namespace PaperTrail.Pipelines;

/// <summary>sitemap.xml: every listed page of the plan. Runs after the other pipelines.</summary>
public static class SitemapPipeline
{
    public static PlannedOutput Plan(BuildContext context, IReadOnlyList<PlannedOutput> planned) =>
        new(Urls.Sitemap, OutputKind.Data, () => SitemapWriter.Write(
            planned.Where(o => o.Kind == OutputKind.Page)
                .OrderBy(o => o.Path, StringComparer.Ordinal)
                .Select(o => new SitemapEntry(context.Urls.Absolute(o.Path), o.LastModified))));
}
