using System.Globalization;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>"/search/", when the build makes a search index: a form whose topic and year choices are known now.</summary>
public sealed class SearchPagePipeline : IPipeline
{
    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        if (!context.SearchEnabled) yield break;
        var site = context.Site;
        yield return context.HtmlPage(Urls.SearchPage, "search",
            () => context.Page($"Search · {site.Config.Title}", "Search the archive's papers by words of their title and abstract.", Urls.SearchPage) with { Noindex = true },
            () => new SearchPageView(
                site.Topics.Where(t => site.PapersByTopic[t.Slug].Count > 0).Select(t => t.Name).ToList(),
                site.Papers.Select(p => p.Paper.FirstTrending.Year).Distinct().OrderDescending()
                    .Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList()),
            OutputKind.UnlistedPage);
    }
}
