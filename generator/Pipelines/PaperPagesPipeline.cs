using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>"/papers/&lt;slug&gt;/": one page per visible paper.</summary>
public sealed class PaperPagesPipeline : IPipeline
{
    private static IReadOnlyList<RelatedView> Related(BuildContext context, SitePaper paper) =>
        context.Site.Related.GetValueOrDefault(paper.Slug, [])
            .Select(r => new RelatedView(r.Paper.Title, context.Urls.Href(Urls.Paper(r.Slug)), ViewFactory.Date(r.Paper.FirstTrending)))
            .ToList();

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        foreach (var paper in context.Site.Papers)
        {
            var path = Urls.Paper(paper.Slug);
            yield return context.HtmlPage(path, "paper",
                () =>
                {
                    var view = context.Views.Paper(paper);
                    return context.Page($"{view.Title} · {context.Site.Config.Title}", view.Summary, path, "article")
                        with { Meta = ViewFactory.CitationMeta(paper.Paper) };
                },
                () => new PaperPageView(context.Views.Paper(paper), Related(context, paper)))
                with
                {
                    LastModified = paper.Paper.Trending[^1],
                    // The page view, the paper's view and its citation tags are all made from the paper, and
                    // each related paper's link from that paper (their SitePapers hash as their fingerprints).
                    Fingerprint = () => ViewHasher.Of("paper", path, paper, context.Site.Related.GetValueOrDefault(paper.Slug, [])),
                };
        }
    }
}
