using System.Text.Json.Nodes;
using PaperTrail.Content;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Ingest.Sources;

/// <summary>One record per paper however many times and ways it arrives.</summary>
public sealed class IdentityAcrossSourcesTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Content => _dir["content"];

    public void Dispose() => _dir.Dispose();

    private List<PaperFile> Files()
    {
        var problems = new List<ContentProblem>();
        var files = ArchiveLoader.LoadPapers(Content, problems).ToList();
        Assert.Empty(problems);
        return files;
    }

    [Fact]
    public void A_paper_scraped_without_an_id_and_later_read_with_one_is_one_record_with_its_first_slug()
    {
        var scrape = _dir.Write("scrape.txt", "SubscribeThe Llama 3 Herd of Models\nAn abstract from the scrape.\n");
        Generator.Run("ingest", scrape, "--date", "2024-07-31", "--content", Content);
        var slug = Files().Single().Paper.Slug;

        var result = Generator.Run("ingest", Path.Combine(Repo.Fixtures, "hf-json", "page-props_DailyPapers_2024-08-01.json"), "--content", Content);

        Assert.Contains("12 new, 1 updated", result.Output);
        var llama = Files().Where(f => f.Paper.Title == "The Llama 3 Herd of Models").ToList();
        var paper = Assert.Single(llama).Paper;
        Assert.Equal(slug, paper.Slug);
        Assert.Equal("2407.21783", paper.Arxiv);
        Assert.Equal([new DateOnly(2024, 7, 31), new DateOnly(2024, 8, 1)], paper.Trending);
        Assert.Equal("An abstract from the scrape.", paper.Abstract); // the file's text wins
        Assert.NotEmpty(paper.Authors);                                // an empty field is filled
    }

    [Fact]
    public void Later_upvotes_update_the_stored_figure_and_an_older_answer_never_lowers_it()
    {
        var fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Fixtures, "hf-json", "api-daily_papers_2026-05-08_trimmed.json")))!;
        var first = _dir.Write("day.json", fixture.ToJsonString());
        Generator.Run("ingest", first, "--content", Content);
        fixture[0]!["paper"]!["upvotes"] = 500;
        var later = _dir.Write("later.json", fixture.ToJsonString());

        Assert.Contains("0 new, 1 updated, 2 unchanged", Generator.Run("ingest", later, "--content", Content).Output);
        Assert.Equal(500, Files().Single(f => f.Paper.Arxiv == "2605.05242").Paper.Upvotes);

        Assert.Contains("0 new, 0 updated, 3 unchanged", Generator.Run("ingest", first, "--content", Content).Output);
        Assert.Equal(500, Files().Single(f => f.Paper.Arxiv == "2605.05242").Paper.Upvotes);
    }

    [Fact]
    public void A_hidden_paper_stays_hidden_and_unchanged_when_its_source_comes_again()
    {
        var source = Path.Combine(Repo.Fixtures, "hf-json", "page-props_PaperContent_2509.24002.json");
        Generator.Run("ingest", source, "--content", Content);
        var file = Files().Single();
        var path = Path.Combine(Content, file.RelativePath);
        File.WriteAllText(path, File.ReadAllText(path).Replace("trending:", "hidden: true\ntrending:"));
        var before = FolderSnapshot.Of(Content);

        var result = Generator.Run("ingest", source, "--content", Content, "--date", "2026-11-30");

        Assert.Contains("0 new, 0 updated, 1 unchanged", result.Output);
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
    }
}
