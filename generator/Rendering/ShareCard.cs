namespace PaperTrail.Rendering;

/// <summary>
/// What a page's share card (its og:image) says: a title, wrapped over at most three lines, and a
/// subtitle on one. A page kind declares it from the page's input, so the card changes exactly when
/// this text does (<c>Pipelines/BuildContext.Card</c>).
/// </summary>
internal sealed record ShareCard(string Title, string Subtitle)
{
    /// <summary>The card's text for og:image:alt: what a reader who cannot see the picture is told.</summary>
    public string Alt => Subtitle.Length == 0 ? Title : $"{Title} — {Subtitle}";
}
