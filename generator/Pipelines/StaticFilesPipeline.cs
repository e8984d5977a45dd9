using System.Text;
using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>What hosts and crawlers expect beside the pages: 404.html, robots.txt, the theme's assets.</summary>
internal sealed class StaticFilesPipeline : IPipeline
{
    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var site = context.Site;
        // The last week's days, each with its count: a reader who followed a dead link gets somewhere fresh.
        var recent = site.Days.Take(7).Select(d => (d.Day, d.Papers.Count)).ToList();
        yield return context.Page(Urls.NotFound, "404", recent, static (shared, path, days) => new PageModel(
            shared.Page(shared.Title(shared.Strings.Text("not_found.title")), shared.Strings.Text("not_found.description"), path) with { Noindex = true },
            new NotFoundView(days.Select(d => shared.Views.DayLink(d.Day, d.Count)).ToList())),
            OutputKind.UnlistedPage);

        yield return new PlannedOutput(Urls.Robots, OutputKind.Data, () => Encoding.UTF8.GetBytes(
            $"User-agent: *\nAllow: /\n\nSitemap: {context.Urls.Absolute(Urls.Sitemap)}\n"));

        foreach (var asset in context.Assets.Values.OrderBy(a => a.Path, StringComparer.Ordinal))
            yield return new PlannedOutput(asset.Path, OutputKind.Asset, () => asset.Bytes);
    }
}
