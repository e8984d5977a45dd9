using FsCheck.Xunit;
using PaperTrail.Rendering;
using PaperTrail.Tests.Hostile;
using XmlConvert = System.Xml.XmlConvert;

namespace PaperTrail.Tests.Rendering;

/// <summary>
/// What feeds, sitemaps and OPML carry: text with every character XML 1.0 forbids dropped and every
/// other kept, whatever a hand-edited file holds (lone surrogate halves, controls, U+FFFE).
/// </summary>
public sealed class XmlTextTests
{
    [Property(Arbitrary = [typeof(PropertyTests.AnyText)], MaxTest = 500)]
    public bool Cleaning_keeps_exactly_the_characters_xml_can_carry(string raw) =>
        XmlText.Clean(raw) == OneByOne(raw);

    [Theory]
    [InlineData("plain text, “quoted”, 𝔽 and ∑", "plain text, “quoted”, 𝔽 and ∑")]
    [InlineData("bell\u0007 and tab\t", "bell and tab\t")]
    [InlineData("not a character \uFFFE\uFFFF end", "not a character  end")]
    [InlineData("private \uE000 use", "private \uE000 use")]
    public void Cleaning_drops_only_what_xml_forbids(string raw, string clean) =>
        Assert.Equal(clean, XmlText.Clean(raw));

    // Not as InlineData: attribute strings are stored as UTF-8, where a lone half becomes U+FFFD.
    [Fact]
    public void Cleaning_drops_lone_surrogate_halves_and_keeps_pairs() =>
        Assert.Equal("lone  half, pair \uD835\uDD3D, other ", XmlText.Clean("lone \uD800 half, pair \uD835\uDD3D, other \uDC00"));

    // The rule stated plainly: a character XML allows, or a whole surrogate pair.
    private static string OneByOne(string text)
    {
        var kept = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) kept.Append(text, i++, 2);
        }
        return kept.ToString();
    }
}
