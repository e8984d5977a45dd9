using PaperTrail.Content;
using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Tests.Incremental;

/// <summary>
/// A page is kept unrendered when its view model hashes as before, so the hash must change with
/// every value a page could show, and never be fooled into hashing less than the whole value.
/// </summary>
public sealed class ViewHasherTests
{
    private static SitePaper Paper(string title, string topic = "t") =>
        new(new Paper { Title = title, Slug = "s", Trending = [new DateOnly(2026, 11, 28)] }, [new Topic { Slug = topic, Name = topic }]);

    [Fact]
    public void Every_property_of_a_view_model_counts()
    {
        var page = new PageView { Title = "A", Description = "D", Canonical = "https://x/" };
        Assert.Equal(ViewHasher.Of(page), ViewHasher.Of(page with { }));
        Assert.NotEqual(ViewHasher.Of(page), ViewHasher.Of(page with { Title = "B" }));
        Assert.NotEqual(ViewHasher.Of(page), ViewHasher.Of(page with { Noindex = true }));
        Assert.NotEqual(ViewHasher.Of(page), ViewHasher.Of(page with { Meta = [new MetaView("citation_title", "A")] }));
    }

    [Fact]
    public void Items_of_value_tuples_count()
    {
        Assert.NotEqual(ViewHasher.Of((1, "a")), ViewHasher.Of((1, "b")));
        Assert.NotEqual(ViewHasher.Of((1, "a")), ViewHasher.Of((2, "a")));
    }

    [Fact]
    public void Plain_values_without_members_count_by_their_value()
    {
        Assert.NotEqual(ViewHasher.Of(1.5f), ViewHasher.Of(2.5f));
        Assert.NotEqual(ViewHasher.Of('a'), ViewHasher.Of('b'));
        Assert.NotEqual(ViewHasher.Of(new DateTime(2026, 11, 28)), ViewHasher.Of(new DateTime(2026, 11, 29)));
        Assert.Throws<InvalidOperationException>(() => ViewHasher.Of(new object()));
    }

    [Fact]
    public void Lists_keep_their_order_and_their_boundaries()
    {
        Assert.NotEqual(ViewHasher.Of(new List<string> { "a", "b" }), ViewHasher.Of(new List<string> { "b", "a" }));
        Assert.NotEqual(ViewHasher.Of(new List<string> { "ab" }, "c"), ViewHasher.Of(new List<string> { "a" }, "bc"));
        Assert.NotEqual(ViewHasher.Of("ab", "c"), ViewHasher.Of("a", "bc"));
        Assert.NotEqual(ViewHasher.Of((string?)null), ViewHasher.Of(""));
    }

    [Fact]
    public void A_paper_counts_with_every_field_and_its_topics()
    {
        Assert.Equal(ViewHasher.Of(Paper("One")), ViewHasher.Of(Paper("One")));
        Assert.NotEqual(ViewHasher.Of(Paper("One")), ViewHasher.Of(Paper("Two")));
        Assert.NotEqual(ViewHasher.Of(Paper("One", "t")), ViewHasher.Of(Paper("One", "u")));
        var upvoted = new SitePaper(Paper("One").Paper with { Upvotes = 3 }, Paper("One").Topics);
        Assert.NotEqual(ViewHasher.Of(Paper("One")), ViewHasher.Of(upvoted));
    }

    [Fact]
    public void A_paper_from_a_known_file_counts_as_that_files_bytes()
    {
        var fromFile = Paper("One") with { ContentHash = "00aa" };
        Assert.NotEqual(ViewHasher.Of(fromFile), ViewHasher.Of(Paper("One") with { ContentHash = "00ab" }));
    }

    [Fact]
    public void A_paper_view_is_refused_rather_than_half_hashed()
    {
        var view = new PaperView { Title = "T", Slug = "s", Href = "/papers/s/", FirstSeen = "2026-11-28", FirstSeenHref = "/days/2026-11-28/", Trending = [], Topics = [], Links = [] };
        Assert.Throws<InvalidOperationException>(() => ViewHasher.Of(view));
    }
}
