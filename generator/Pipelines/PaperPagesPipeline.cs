using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>"/papers/&lt;slug&gt;/": one page per visible paper.</summary>
public sealed class PaperPagesPipeline : IPipeline
{
    /// <param name="Related">Its most similar papers, most similar first.</param>
    public sealed record Input(SitePaper Paper, IReadOnlyList<SitePaper> Related);

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        foreach (var paper in context.Site.Papers)
        {
            var input = new Input(paper, context.Site.Related.GetValueOrDefault(paper.Slug, []));
            yield return context.Page(Urls.Paper(paper.Slug), "paper", input, static (shared, path, input) =>
            {
                var view = shared.Views.Paper(input.Paper);
                var page = shared.Page($"{view.Title} · {shared.Config.Title}", view.Summary, path, "article")
                    with { Meta = ViewFactory.CitationMeta(input.Paper.Paper) };
                var related = input.Related
                    .Select(r => new RelatedView(r.Paper.Title, shared.Urls.Href(Urls.Paper(r.Slug)), ViewFactory.Date(r.Paper.FirstTrending)))
                    .ToList();
                return new PageModel(page, new PaperPageView(view, related));
            }) with { LastModified = paper.Paper.Trending[^1] };
        }
    }
}
