using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>
/// "/saved/", when site.yml keeps the reading list on: the frame of the reader's saved papers, which
/// the theme's reading.js fills from the browser's storage. It holds nothing of the archive, so no
/// new day renders it again.
/// </summary>
internal sealed class SavedPagePipeline : IPipeline
{
    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        if (!context.Site.Config.ReadingList) yield break;
        yield return context.Page(Urls.Saved, "saved", "", static (shared, path, _) => new PageModel(
            shared.Page($"Saved papers · {shared.Config.Title}", "The papers you saved on this site, kept in your browser.", path) with { Noindex = true },
            new SavedPageView()),
            OutputKind.UnlistedPage);
    }
}
