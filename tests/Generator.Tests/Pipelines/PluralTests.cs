using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>A count of one reads "1 paper", "1 upvote", never "(1 papers)", on every page that counts.</summary>
public sealed class PluralTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite("title: Plural\nbase_url: https://example.org/\nauthor_min_papers: 1\n")
        .Paper("lonely", "A Lonely Paper", "[2026-11-28]", extra: "upvotes: 1\nauthors: [Ada Lovelace]")
        .Paper("pair-one", "Pair One", "[2026-11-27]", extra: "upvotes: 3")
        .Paper("pair-two", "Pair Two", "[2026-11-27]", extra: "upvotes: 2")
        .BuildOk();

    public void Dispose() => _site.Dispose();

    private string Text(string page) => string.Join(" ", _site.Html(page).Body!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private string Description(string page) => _site.Html(page).QuerySelector("meta[name=description]")!.GetAttribute("content")!;

    [Fact]
    public void A_day_of_one_paper_says_paper_and_a_day_of_two_says_papers()
    {
        Assert.Contains("1 paper trended on this day.", Text("days/2026-11-28/index.html"));
        Assert.Contains("2 papers trended on this day.", Text("days/2026-11-27/index.html"));
        Assert.Contains("1 paper trended on this day.", Text("index.html"));
        Assert.Equal("The paper that trended on 2026-11-28.", Description("days/2026-11-28/index.html"));
        Assert.Equal("The 2 papers that trended on 2026-11-27.", Description("days/2026-11-27/index.html"));
    }

    [Fact]
    public void The_list_of_days_counts_one_paper_as_one_paper()
    {
        var days = Text("days/index.html");
        Assert.Contains("2026-11-28 (1 paper)", days);
        Assert.Contains("2026-11-27 (2 papers)", days);
        Assert.DoesNotContain("1 papers", days);
    }

    [Fact]
    public void One_upvote_is_one_upvote_in_this_weeks_most_upvoted()
    {
        var home = Text("index.html");
        Assert.Contains("A Lonely Paper ▲ 1 upvote", home);
        Assert.Contains("Pair One ▲ 3 upvotes", home);
    }

    [Fact]
    public void An_author_of_one_paper_and_the_digest_of_a_day_of_one_paper()
    {
        Assert.Equal("The paper by Ada Lovelace that trended on Plural.", Description("authors/ada-lovelace/index.html"));
        Assert.Contains("<title>1 paper trending on 2026-11-28</title>", _site.Text("digest.xml"));
    }
}
