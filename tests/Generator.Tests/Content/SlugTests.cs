using PaperTrail.Content;

namespace PaperTrail.Tests.Content;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Stochastic Interpolants: A Unifying Framework for Flows and Diffusions", "stochastic-interpolants-a-unifying-framework-for-flows-and-diffusions")]
    [InlineData("Multi-marginal temporal Schrödinger Bridge Matching", "multi-marginal-temporal-schrodinger-bridge-matching")]
    [InlineData("Forward χ^2 Divergence", "forward-chi-2-divergence")]
    [InlineData("Optimal design using the convexified Föppl's model", "optimal-design-using-the-convexified-foppl-s-model")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("CON", "con-paper")]
    [InlineData("  --Łódź & Straße--  ", "lodz-strasse")]
    public void Titles_become_readable_ascii_slugs(string title, string slug) => Assert.Equal(slug, Slug.From(title));

    [Theory]
    [InlineData("数学の定理")]
    [InlineData("!!!")]
    [InlineData("")]
    public void A_title_with_no_latin_letter_still_gets_a_valid_stable_slug(string title)
    {
        var slug = Slug.From(title);
        Assert.True(Slug.IsValid(slug), slug);
        Assert.StartsWith("paper-", slug);
        Assert.Equal(slug, Slug.From(title));
    }

    [Fact]
    public void Long_titles_are_cut_at_a_word_boundary()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("representation", 400)));
        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.True(Slug.IsValid(slug));
        Assert.EndsWith("representation", slug);
    }
}
