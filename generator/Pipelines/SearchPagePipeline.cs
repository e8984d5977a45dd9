using System.Globalization;
using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>
/// "/search/", when search is on: a form whose topic and year choices are known now, or, while the
/// archive has no paper and so no index, a page that says there is nothing to search yet.
/// </summary>
internal sealed class SearchPagePipeline : IPipeline
{
    /// <param name="Topics">Names of the topics with papers.</param>
    /// <param name="Years">Years with papers, newest first.</param>
    /// <param name="HasIndex">Whether there is a paper to index.</param>
    /// <param name="Authors">The authors with a page of their own, by name: the values of the index's author filter.</param>
    internal sealed record Input(IReadOnlyList<string> Topics, IReadOnlyList<int> Years, bool HasIndex, IReadOnlyList<string> Authors);

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        if (!context.SearchEnabled) yield break;
        var site = context.Site;
        var input = new Input(
            site.Topics.Where(t => site.PapersByTopic[t.Slug].Count > 0).Select(t => t.Name).ToList(),
            site.Papers.Select(p => p.Paper.FirstTrending.Year).Distinct().OrderDescending().ToList(),
            // The indexer makes an index exactly when there are paper pages (SearchIndexer.Run).
            HasIndex: site.Papers.Count > 0,
            site.Authors.All.Select(a => a.Name).Order(StringComparer.Ordinal).ToList());
        yield return context.Page(Urls.SearchPage, "search", input, static (shared, path, input) => new PageModel(
            shared.Page(shared.Title(shared.Strings.Text("search.title")), shared.Strings.Text("search.description"), path) with { Noindex = true },
            new SearchPageView(input.Topics, input.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList(), input.HasIndex) { Authors = input.Authors }),
            OutputKind.UnlistedPage);
    }
}
