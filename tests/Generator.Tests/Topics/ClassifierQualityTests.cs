using PaperTrail.Content;
using PaperTrail.Ingest.Sources;
using PaperTrail.Tests.Support;
using PaperTrail.Topics;

namespace PaperTrail.Tests.Topics;

/// <summary>
/// The default taxonomy (the generator's, whatever a fork's content/topics.yml says) measured against
/// hand-made labels: the seed papers (tests/fixtures/labels) and 61 papers of the trending corpus
/// labelled by the same rules (bench/topics/labels-llm.jsonl; the papers in tests/fixtures/corpus).
/// </summary>
public sealed class ClassifierQualityTests
{
    private static Taxonomy DefaultTaxonomy()
    {
        var problems = new List<ContentProblem>();
        var taxonomy = TopicsReader.Read("default-topics.yml", DefaultTopics.Text(), problems);
        Assert.Empty(problems);
        return taxonomy;
    }

    private static List<Paper> PapersIn(string path) =>
        InputFiles.Expand([path]).SelectMany(f => SourceRegistry.Read(f, null).Papers)
            .Select(p => new Paper { Title = p.Title, Slug = "x", Arxiv = p.Arxiv, Abstract = p.Abstract, Trending = [new DateOnly(2026, 1, 1)] })
            .ToList();

    [Fact]
    public void Micro_f1_on_the_seed_labels_is_at_least_0_80()
    {
        var result = ClassifierEvaluation.Evaluate(DefaultTaxonomy(), PapersIn(Repo.SeedScrape), Path.Combine(Repo.Fixtures, "labels", "topics-dev.jsonl"));
        Assert.Equal(119, result.Papers);
        Assert.True(result.F1 >= 0.80, result.Format("seed"));
    }

    [Fact]
    public void Micro_f1_on_the_trending_corpus_labels_is_at_least_0_80()
    {
        var result = ClassifierEvaluation.Evaluate(DefaultTaxonomy(), PapersIn(Path.Combine(Repo.Fixtures, "corpus", "labelled-llm.json")), Path.Combine(Repo.Root, "bench", "topics", "labels-llm.jsonl"));
        Assert.Equal(61, result.Papers);
        Assert.True(result.F1 >= 0.80, result.Format("llm"));
    }

    [Fact]
    public void At_most_three_percent_of_a_sample_of_the_corpus_falls_back()
    {
        var taxonomy = DefaultTaxonomy();
        var papers = PapersIn(Repo.Corpus);
        Assert.Equal(361, papers.Count);
        var assigner = new TopicAssigner(taxonomy, new RuleClassifier(taxonomy));
        var sizes = papers.Select(p => assigner.Assign(p).Count).ToList();
        Assert.All(sizes, n => Assert.InRange(n, 1, 4));
        Assert.True(assigner.FallbackCount <= papers.Count * 0.03, $"{assigner.FallbackCount} of {papers.Count} fell back");
    }
}
