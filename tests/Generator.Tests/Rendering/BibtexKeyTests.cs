using PaperTrail.Content;
using PaperTrail.Rendering;
using PaperTrail.Site;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Rendering;

/// <summary>
/// BibTeX keys a reader can read and keep: family name, year, first significant title word
/// (<c>lee2026conditional</c>), ASCII only, unique within the archive, and stable when papers arrive.
/// </summary>
public sealed class BibtexKeyTests
{
    private static Paper P(string title, string? author, string slug = "p", int day = 28) => new()
    {
        Title = title,
        Slug = slug,
        Authors = author is null ? [] : [author, "Second Author"],
        Trending = [new DateOnly(2026, 11, day)],
    };

    [Theory]
    [InlineData("Conditional Flow Matching at Scale", "Jane Lee", "lee2026conditional")]
    [InlineData("On the Conditional Flow", "Jane Lee", "lee2026conditional")]
    [InlineData("A Study of Flows", "Jane Lee", "lee2026study")]
    [InlineData("Stochastic Interpolants", "Eric Vanden-Eijnden", "vandeneijnden2026stochastic")]
    [InlineData("Ünïcode Names", "Zoë Ünal", "unal2026unicode")]
    [InlineData("Family Name First", "Lee, Jane", "lee2026family")]
    [InlineData("Family Name First", "van der Waals, J.", "vanderwaals2026family")]
    [InlineData("A Suffix", "Martin Luther King Jr.", "king2026suffix")]
    [InlineData("$\\mathcal{L}$-Bench: Losses", "Jane Lee", "lee2026l")]
    [InlineData("$π$-Bench for Agents", "Jane Lee", "lee2026pi")]
    [InlineData("Conditional Flow", "李明", "2026conditional")]
    [InlineData("Conditional Flow", null, "2026conditional")]
    public void The_key_is_family_name_year_and_first_significant_word(string title, string? author, string key) =>
        Assert.Equal(key, new BibtexKeys([P(title, author)]).Of(P(title, author)));

    [Fact]
    public void Papers_with_one_key_get_a_b_in_the_order_they_first_trended_whatever_order_they_come_in()
    {
        var first = P("Conditional Flows", "Jane Lee", "first", day: 26);
        var second = P("Conditional Transport", "Jane Lee", "second", day: 27);
        var third = P("Conditional Models", "Jane Lee", "third", day: 28);
        foreach (var order in new[] { new[] { first, second, third }, [third, first, second], [second, third, first] })
        {
            var keys = new BibtexKeys(order);
            Assert.Equal(["lee2026conditional", "lee2026conditionala", "lee2026conditionalb"], new[] { first, second, third }.Select(keys.Of));
        }
    }

    [Fact]
    public void A_paper_page_shows_its_unique_key_and_a_later_paper_does_not_change_it()
    {
        using var site = new FixtureSite()
            .Paper("flows", "Conditional Flows", "[2026-11-27]", extra: "authors: [Jane Lee]\npublished: 2026-11-20")
            .Paper("transport", "Conditional Transport", "[2026-11-28]", extra: "authors: [Jane Lee]\npublished: 2026-11-21")
            .BuildOk();
        string Key(string slug) => site.Html($"papers/{slug}/index.html").QuerySelector("pre.bibtex")!.TextContent.Split(',')[0];
        Assert.Equal("@misc{lee2026conditional", Key("flows"));
        Assert.Equal("@misc{lee2026conditionala", Key("transport"));

        site.Paper("models", "Conditional Models", "[2026-11-29]", extra: "authors: [Jane Lee]\npublished: 2026-11-22").BuildOk();

        Assert.Equal("@misc{lee2026conditional", Key("flows"));
        Assert.Equal("@misc{lee2026conditionala", Key("transport"));
        Assert.Equal("@misc{lee2026conditionalb", Key("models"));
    }
}
