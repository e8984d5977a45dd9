using PaperTrail.Content;
using PaperTrail.Rendering;
using PaperTrail.Site;

namespace PaperTrail.Pipelines;

/// <summary>
/// Share cards as outputs: the input a card is drawn from and the site's own card, the og:image of
/// every page without one of its own (<see cref="SharedViews.Page"/>).
/// </summary>
internal sealed class ShareCards : IPipeline
{
    /// <summary>What a card is drawn from: its text, and the hash of the theme's template and font (<see cref="ShareCardDesign.Hash"/>).</summary>
    internal sealed record Input(string Site, string Title, string Subtitle, string Design);

    /// <summary>The site's card: its title and description, under its host.</summary>
    public static ShareCard OfSite(SiteConfig config) => new(config.Title, config.Description);

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        if (context.Shared.Cards is not { } design) yield break;
        var card = OfSite(context.Site.Config);
        yield return context.File(Urls.SiteCard, "card", new Input(context.Urls.BaseUrl.Host, card.Title, card.Subtitle, design.Hash),
            static (shared, path, input) => Draw(shared, input), OutputKind.Image);
    }

    public static byte[] Draw(SharedViews shared, Input input) =>
        ShareCardDrawer.Draw(shared.Cards!, input.Site, new ShareCard(input.Title, input.Subtitle));
}
