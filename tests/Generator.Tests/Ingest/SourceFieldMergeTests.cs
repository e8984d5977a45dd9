using PaperTrail.Content;
using PaperTrail.Ingest;

namespace PaperTrail.Tests.Ingest;

/// <summary>
/// Re-ingest and the fields of schema version 2: a new day adds its rank, a rank in the file stays,
/// stars follow the latest trending day whatever order days are ingested in, and hand edits win.
/// </summary>
public sealed class SourceFieldMergeTests
{
    private static readonly DateOnly Day1 = new(2026, 11, 28), Day2 = new(2026, 11, 29), Day3 = new(2026, 11, 30);

    private static SourcePaper Source(int? rank = null, int? stars = null, string? summary = null, string? organization = null) => new()
    {
        Title = "A Paper", Arxiv = "2401.00001", SourceFile = "test", Abstract = "Abstract.",
        Rank = rank, GithubStars = stars, AiSummary = summary, Organization = organization,
    };

    private static Paper Merged(Paper archived, params (SourcePaper Paper, DateOnly Day)[] incoming)
    {
        var merger = new ArchiveMerger([new PaperFile("papers/2026/11/a-paper.md", archived)], _ => PaperWriter.Bytes(archived));
        foreach (var (paper, day) in incoming) merger.Merge(paper, day);
        var write = merger.PlannedWrites().SingleOrDefault();
        return write is null ? archived : PaperReader.Read(write.RelativePath, System.Text.Encoding.UTF8.GetString(write.Bytes), [])!;
    }

    private static Paper Archived(Action<Dictionary<DateOnly, int>>? ranks = null)
    {
        var r = new Dictionary<DateOnly, int>();
        ranks?.Invoke(r);
        return new Paper { Title = "A Paper", Slug = "a-paper", Arxiv = "2401.00001", Trending = [Day1], Ranks = r, Abstract = "Abstract." };
    }

    [Fact]
    public void A_new_day_adds_its_rank_and_keeps_the_earlier_days()
    {
        var paper = Merged(Archived(r => r[Day1] = 4), (Source(rank: 2), Day2));
        Assert.Equal([Day1, Day2], paper.Trending);
        Assert.Equal(4, paper.Rank(Day1));
        Assert.Equal(2, paper.Rank(Day2));
    }

    [Fact]
    public void A_version_1_day_without_a_rank_gets_the_source_rank_but_a_rank_in_the_file_wins()
    {
        Assert.Equal(7, Merged(Archived(), (Source(rank: 7), Day1)).Rank(Day1));
        Assert.Equal(1, Merged(Archived(r => r[Day1] = 1), (Source(rank: 7), Day1)).Rank(Day1));
    }

    [Fact]
    public void Stars_follow_the_latest_trending_day_in_whatever_order_days_arrive()
    {
        var forward = Merged(Archived(), (Source(stars: 10), Day1), (Source(stars: 30), Day3), (Source(stars: 20), Day2));
        var backward = Merged(Archived(), (Source(stars: 20), Day2), (Source(stars: 30), Day3), (Source(stars: 10), Day1));
        Assert.Equal((30, Day3), (forward.GithubStars!.Value, forward.GithubStarsAsOf!.Value));
        Assert.Equal(PaperWriter.Write(forward), PaperWriter.Write(backward));
    }

    [Fact]
    public void Hand_edits_win_stars_without_a_day_summary_and_organisation()
    {
        var edited = Archived() with { GithubStars = 5000, AiSummary = "A person's summary.", Organization = "Our Lab" };
        var paper = Merged(edited, (Source(rank: 3, stars: 12, summary: "The source's summary.", organization: "Their Lab"), Day2));
        Assert.Equal(5000, paper.GithubStars);
        Assert.Null(paper.GithubStarsAsOf);
        Assert.Equal("A person's summary.", paper.AiSummary);
        Assert.Equal("Our Lab", paper.Organization);
        Assert.Equal(3, paper.Rank(Day2));
    }

    [Fact]
    public void Empty_summary_and_organisation_are_filled()
    {
        var paper = Merged(Archived(), (Source(summary: "The source's summary.", organization: "Their Lab"), Day2));
        Assert.Equal("The source's summary.", paper.AiSummary);
        Assert.Equal("Their Lab", paper.Organization);
    }
}
