using PaperTrail.Content;
using PaperTrail.Ingest;

namespace PaperTrail.Tests.Ingest;

/// <summary>Identity: one record per paper, however it arrives; titles alone repeat.</summary>
public sealed class ArchiveMergerTests
{
    private static readonly DateOnly Day1 = new(2026, 11, 28);
    private static readonly DateOnly Day2 = new(2026, 11, 29);

    private static SourcePaper Source(string title, string? arxiv = null, int? upvotes = null, string[]? authors = null) =>
        new() { Title = title, Arxiv = arxiv, Upvotes = upvotes, Authors = authors ?? [], SourceFile = "test", Abstract = "Abstract." };

    private static IReadOnlyList<Paper> Written(ArchiveMerger merger) =>
        merger.PlannedWrites().Select(w => PaperReader.Read(w.RelativePath, System.Text.Encoding.UTF8.GetString(w.Bytes), [])!).ToList();

    [Fact]
    public void Same_title_with_different_arxiv_ids_gives_two_papers_with_distinct_slugs()
    {
        var merger = new ArchiveMerger([], _ => []);
        Assert.Equal(MergeOutcome.New, merger.Merge(Source("Attention Is All You Need", "1706.03762"), Day1));
        Assert.Equal(MergeOutcome.New, merger.Merge(Source("Attention Is All You Need", "2501.00001"), Day1));

        var slugs = Written(merger).Select(p => p.Slug).ToList();
        Assert.Equal(2, slugs.Distinct().Count());
        Assert.Contains("attention-is-all-you-need", slugs);
    }

    [Fact]
    public void A_paper_first_seen_without_an_id_and_later_with_one_is_one_record_keeping_its_slug()
    {
        var merger = new ArchiveMerger([], _ => []);
        merger.Merge(Source("Neural Diffusion Models"), Day1);
        var outcome = merger.Merge(Source("Neural  diffusion models", "2310.08337"), Day2);

        var paper = Assert.Single(Written(merger));
        Assert.Equal("neural-diffusion-models", paper.Slug);
        Assert.Equal("2310.08337", paper.Arxiv);
        Assert.Equal([Day1, Day2], paper.Trending);
        Assert.Equal(MergeOutcome.Unchanged, outcome); // still new in this run: counted once
    }

    [Fact]
    public void Empty_fields_are_filled_filled_fields_are_kept_and_upvotes_take_the_newest_figure()
    {
        var archived = new Paper
        {
            Title = "Kept Title", Slug = "kept-title", Arxiv = "2401.00001", Trending = [Day1],
            Authors = ["A. Person"], Upvotes = 3, Abstract = "Edited abstract.",
        };
        var merger = new ArchiveMerger([new PaperFile("papers/2026/11/kept-title.md", archived)], _ => PaperWriter.Bytes(archived));

        var outcome = merger.Merge(Source("Scraped Title", "2401.00001v2", upvotes: 10, authors: ["Someone Else"]) with
        {
            Published = new DateOnly(2024, 1, 2),
        }, Day2);

        Assert.Equal(MergeOutcome.Updated, outcome);
        var paper = Assert.Single(Written(merger));
        Assert.Equal("Kept Title", paper.Title);
        Assert.Equal(["A. Person"], paper.Authors);
        Assert.Equal("Edited abstract.", paper.Abstract);
        Assert.Equal(new DateOnly(2024, 1, 2), paper.Published);
        Assert.Equal(10, paper.Upvotes);
    }

    [Fact]
    public void A_hidden_paper_is_recognised_and_never_brought_back()
    {
        var hidden = new Paper { Title = "Spam Paper", Slug = "spam-paper", Trending = [Day1], Hidden = true };
        var merger = new ArchiveMerger([new PaperFile("papers/2026/11/spam-paper.md", hidden)], _ => PaperWriter.Bytes(hidden));

        Assert.Equal(MergeOutcome.Unchanged, merger.Merge(Source("Spam Paper"), Day2));
        Assert.Empty(merger.PlannedWrites());
    }

    [Fact]
    public void A_new_slug_never_takes_an_alias_of_another_paper()
    {
        var renamed = new Paper { Title = "Renamed", Slug = "renamed", Aliases = ["old-name"], Arxiv = "2401.00002", Trending = [Day1] };
        var merger = new ArchiveMerger([new PaperFile("papers/2026/11/renamed.md", renamed)], _ => PaperWriter.Bytes(renamed));
        merger.Merge(Source("Old Name", "2402.00003"), Day2);
        Assert.NotEqual("old-name", Assert.Single(Written(merger)).Slug);
    }
}
