using PaperTrail.Content;

namespace PaperTrail.Tests.Content;

/// <summary>Whatever a title holds, writing then reading the file gives it back exactly.</summary>
public sealed class PaperFileRoundTripTests
{
    [Theory]
    [InlineData("---")]
    [InlineData("key: value")]
    [InlineData("- item")]
    [InlineData("&anchor *alias !tag | > # not a comment")]
    [InlineData("\"quoted\" and 'single' and \\backslash")]
    [InlineData("{{ 7 * 7 }} {% raw %}")]
    [InlineData("true")]
    [InlineData("2026-11-28")]
    [InlineData("null")]
    [InlineData("@at `tick` %percent")]
    [InlineData("Ünïcödé — 数学 — Φ^4")]
    public void Titles_round_trip(string title)
    {
        var paper = new Paper
        {
            Title = title, Slug = "x", Trending = [new DateOnly(2026, 11, 28)],
            Authors = [title, "B. Author"], Links = new SortedDictionary<string, string> { ["code"] = "https://example.org/a?b=c&d" },
            Abstract = "---\nA body that holds a front matter fence.",
        };
        var problems = new List<ContentProblem>();
        var read = PaperReader.Read("x.md", PaperWriter.Write(paper), problems);

        Assert.Empty(problems);
        Assert.NotNull(read);
        Assert.Equal(title, read.Title);
        Assert.Equal(paper.Authors, read.Authors);
        Assert.Equal(paper.Abstract, read.Abstract);
        Assert.Equal(paper.Links, read.Links);
        Assert.Equal(PaperWriter.Write(paper), PaperWriter.Write(read));
    }
}
