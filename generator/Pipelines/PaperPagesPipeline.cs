using PaperTrail.Rendering;
using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>"/papers/&lt;slug&gt;/": one page per visible paper.</summary>
internal sealed class PaperPagesPipeline : IPipeline
{
    /// <param name="Related">Its most similar papers, most similar first.</param>
    /// <param name="AuthorPages">For each of its authors in order, the slug of their page, or null when they have none.</param>
    /// <param name="BibtexKey">Its BibTeX key, unique within the archive (<see cref="Site.BibtexKeys"/>).</param>
    internal sealed record Input(SitePaper Paper, IReadOnlyList<SitePaper> Related, IReadOnlyList<string?> AuthorPages, string BibtexKey);

    public bool ReadsRelatedPapers => true;

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var site = context.Site;
        foreach (var paper in site.Papers)
        {
            var authorPages = paper.Paper.Authors.Select(a => site.Authors.Of(a)?.Slug).ToList();
            var input = new Input(paper, site.Related.GetValueOrDefault(paper.Slug, []), authorPages, site.BibtexKeys.Of(paper.Paper));
            yield return context.Page(Urls.Paper(paper.Slug), "paper", input, static (shared, path, input) =>
            {
                var view = shared.Views.Paper(input.Paper).WithBibtex(() => Bibtex.Entry(input.Paper.Paper, input.BibtexKey));
                var page = shared.Page($"{view.Title} · {shared.Config.Title}", view.Summary, path, "article") with { Meta = ViewFactory.CitationMeta(input.Paper.Paper) };
                var related = input.Related
                    .Select(r => new RelatedView(InlineTex.Plain(r.Paper.Title), shared.Urls.Href(Urls.Paper(r.Slug)), ViewFactory.Date(r.Paper.FirstTrending)))
                    .ToList();
                var authors = input.Paper.Paper.Authors
                    .Select((name, i) => new AuthorLinkView(name, input.AuthorPages[i] is { } slug ? shared.Urls.Href(Urls.Author(slug)) : ""))
                    .ToList();
                return new PageModel(page, new PaperPageView(view, related)
                {
                    AuthorsShown = authors.Take(view.AuthorsShown.Count).ToList(),
                    AuthorsFolded = authors.Skip(view.AuthorsShown.Count).ToList(),
                });
            }) with
            { LastModified = paper.Paper.Trending[^1] };
        }
    }
}
