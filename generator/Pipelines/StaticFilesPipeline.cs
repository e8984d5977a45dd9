using System.Text;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>What hosts and crawlers expect beside the pages: 404.html, robots.txt, the theme's assets.</summary>
public sealed class StaticFilesPipeline : IPipeline
{
    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var site = context.Site;
        yield return context.HtmlPage(Urls.NotFound, "404",
            () => context.Page($"Page not found · {site.Config.Title}", "This page does not exist.", Urls.NotFound) with { Noindex = true },
            () => new NotFoundView(site.Days.Take(7).Select(d => context.Views.DayLink(d.Day, d.Papers.Count)).ToList()),
            OutputKind.UnlistedPage);

        yield return new PlannedOutput(Urls.Robots, OutputKind.Data, () => Encoding.UTF8.GetBytes(
            $"User-agent: *\nAllow: /\n\nSitemap: {context.Urls.Absolute(Urls.Sitemap)}\n"));

        foreach (var asset in context.Assets.Values.OrderBy(a => a.Path, StringComparer.Ordinal))
            yield return new PlannedOutput(asset.Path, OutputKind.Asset, () => asset.Bytes);
    }
}
