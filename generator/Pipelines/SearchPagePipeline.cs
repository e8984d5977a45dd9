using System.Globalization;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>
/// "/search/", when search is on: a form whose topic and year choices are known now, or, while the
/// archive has no paper and so no index, a page that says there is nothing to search yet.
/// </summary>
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
                    .Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList(),
                // The indexer makes an index exactly when there are paper pages (SearchIndexer.Run).
                HasIndex: site.Papers.Count > 0),
            OutputKind.UnlistedPage);
    }
}
