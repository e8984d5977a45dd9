using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperTrail.Content;
using PaperTrail.Tests.Hostile;
using PaperTrail.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace PaperTrail.Tests.Content;

/// <summary>
/// The fast front-matter reader must read exactly what YamlDotNet reads, or step aside: whenever it
/// gives a tree, that tree equals YamlDotNet's, and a file it does not take still reads right.
/// </summary>
public sealed class SimpleFrontMatterTests
{
    private static YamlMappingNode YamlDotNetTree(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Yaml(string file) => FrontMatterDocument.Split("p.md", file, out _)!.Yaml;

    /// <summary>Same shape, same text, same quoting (plain or not), same order.</summary>
    private static bool SameTree(YamlNode a, YamlNode b) => (a, b) switch
    {
        (YamlScalarNode x, YamlScalarNode y) => x.Value == y.Value && (x.Style == YamlDotNet.Core.ScalarStyle.Plain) == (y.Style == YamlDotNet.Core.ScalarStyle.Plain),
        (YamlSequenceNode x, YamlSequenceNode y) => x.Children.Count == y.Children.Count && x.Children.Zip(y.Children).All(p => SameTree(p.First, p.Second)),
        (YamlMappingNode x, YamlMappingNode y) => x.Children.Count == y.Children.Count &&
            x.Children.Zip(y.Children).All(p => SameTree(p.First.Key, p.Second.Key) && SameTree(p.First.Value, p.Second.Value)),
        _ => false,
    };

    [Fact]
    public void Every_paper_of_the_archive_takes_the_fast_path_and_reads_as_YamlDotNet_reads_it()
    {
        // Whatever the archive holds today: the nightly adds papers, a fork may start with none.
        var papers = Path.Combine(Repo.Root, "content", "papers");
        var files = Directory.Exists(papers) ? Directory.GetFiles(papers, "*.md", SearchOption.AllDirectories) : [];
        foreach (var file in files)
        {
            var yaml = Yaml(File.ReadAllText(file));
            var fast = SimpleFrontMatter.TryParse(yaml);
            Assert.True(fast is not null, file);
            Assert.True(SameTree(fast, YamlDotNetTree(yaml)), file);
        }
    }

    /// <summary>A generated paper: the property's argument, public as xunit needs, around the generator's internal record.</summary>
    public sealed class AnyPaper
    {
        internal AnyPaper(Paper paper) => Paper = paper;

        internal Paper Paper { get; }

        // FsCheck shows a failing argument by its text: the record's own.
        public override string ToString() => Paper.ToString();
    }

    public static class Papers
    {
        public static Arbitrary<AnyPaper> Generated() =>
            (from title in PropertyTests.AnyText.Strings().Generator.Select(PaperTrail.Ingest.TextCleaner.Clean)
             from author in PropertyTests.AnyText.Strings().Generator.Select(PaperTrail.Ingest.TextCleaner.Clean)
             from category in Gen.Elements("cs.LG", "stat.ML", "math.NA", "q-bio.NC")
             from url in Gen.Elements("https://example.org/a?b=c&d", "https://github.com/x/y", "http://x.org/#frag \"q\"")
             from upvotes in Gen.Choose(0, 5000)
             from arxiv in Gen.Elements<string?>(null, "2303.08797", "2501.00001")
             from summary in PropertyTests.AnyText.Strings().Generator.Select(PaperTrail.Ingest.TextCleaner.Clean)
             from rank in Gen.Choose(1, 300)
             from stars in Gen.Elements<int?>(null, 0, 101, 35000)
             select new AnyPaper(new Paper
             {
                 Title = title.Length == 0 ? "t" : title,
                 Slug = "a-paper",
                 Arxiv = arxiv,
                 Authors = [author.Length == 0 ? "A" : author, "Jean-Luc O'Neil", "Zoë Ünal (MIT)"],
                 Published = new DateOnly(2026, 1, 2),
                 Trending = [new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 28)],
                 Ranks = new Dictionary<DateOnly, int> { [new DateOnly(2026, 11, 28)] = rank },
                 AiSummary = summary.Length == 0 ? null : summary,
                 GithubStars = stars,
                 GithubStarsAsOf = stars is null ? null : new DateOnly(2026, 11, 28),
                 Organization = author.Length == 0 ? null : author,
                 Topics = ["diffusion-models", "other"],
                 Links = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["code"] = url, ["project"] = "https://p.org/" },
                 Upvotes = upvotes,
                 Categories = [category, author],
                 Aliases = ["old-slug"],
                 Abstract = "Body.",
             })).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Papers)], MaxTest = 500)]
    public bool Whatever_the_writer_writes_the_fast_reader_reads_as_YamlDotNet_or_not_at_all(AnyPaper generated)
    {
        var yaml = Yaml(PaperWriter.Write(generated.Paper));
        var fast = SimpleFrontMatter.TryParse(yaml);
        return fast is null || SameTree(fast, YamlDotNetTree(yaml));
    }

    [Fact]
    public void The_trending_form_with_ranks_takes_the_fast_path()
    {
        var yaml = "title: \"A\"\nslug: a\ntrending: [2026-11-27, {day: 2026-11-28, rank: 3}, {day: 2026-11-29, rank: 12}]\nai_summary: \"S.\"\ngithub_stars: 7\ngithub_stars_as_of: 2026-11-28\norganization: \"Lab\"";
        var fast = SimpleFrontMatter.TryParse(yaml);
        Assert.NotNull(fast);
        Assert.True(SameTree(fast, YamlDotNetTree(yaml)));
    }

    [Theory]
    [InlineData("title: \"A\"\nslug: a # a comment\ntrending: [2026-11-28]")]
    [InlineData("title: \"A\"\nslug: a\ntrending:\n- 2026-11-28")]
    [InlineData("title: 'A'\nslug: a\ntrending: [2026-11-28]")]
    [InlineData("title: &t A\nslug: a\ntrending: [2026-11-28]")]
    [InlineData("title: >\n  A\nslug: a\ntrending: [2026-11-28]")]
    [InlineData("title: A\n  continued\nslug: a\ntrending: [2026-11-28]")]
    [InlineData("title: \"A\"\nslug: a\ntrending: [2026-11-28]\ntitle: \"B\"")]
    [InlineData("title: \"A\"\nslug: a\ntrending: [{day: 2026-11-28, rank: 3, day: 2026-11-29}]")]
    [InlineData("title: \"A\"\nslug: a\ntrending: [{day: 2026-11-28,rank: 3}]")]
    public void Hand_written_YAML_it_does_not_take_still_reads_through_YamlDotNet(string yaml)
    {
        Assert.Null(SimpleFrontMatter.TryParse(yaml));
        var problems = new List<ContentProblem>();
        var paper = PaperReader.Read("p.md", $"---\n{yaml}\n---\nBody.\n", problems);
        // What YamlDotNet makes of it is what a build sees: the same as before the fast path existed.
        string? expected;
        try { expected = ((YamlScalarNode)YamlDotNetTree(yaml).Children[new YamlScalarNode("title")]).Value; }
        catch (YamlDotNet.Core.YamlException) { expected = null; } // a duplicate key: a problem, no paper
        Assert.Equal(expected, paper?.Title);
        Assert.Equal(expected is null, problems.Count > 0);
    }

    [Fact]
    public void A_problem_in_a_file_of_the_common_shape_still_names_its_line()
    {
        var problems = new List<ContentProblem>();
        var paper = PaperReader.Read("p.md", "---\ntitle: \"A\"\nslug: a\ntrending: [2026-11-28]\nupvotes: lots\n---\nBody.\n", problems);
        Assert.Null(paper);
        var problem = Assert.Single(problems);
        Assert.Equal(5, problem.Line);
        Assert.Contains("upvotes", problem.Message);
    }
}
