using PaperTrail.Content;
using PaperTrail.Tests.Support;
using PaperTrail.Topics;

namespace PaperTrail.Tests.Topics;

/// <summary>
/// The learned topic model as a build uses it: read from content/topics-model.txt, probabilities as
/// a reference computes them, combined with the rules as the file says, explained, measured, and a
/// damaged file told by file and line.
/// </summary>
public sealed class TopicModelTests : IDisposable
{
    private const string Taxonomy = """
        fallback: other
        topics:
          - slug: biology
            name: Biology
            description: Life.
            threshold: 100
            phrases: { "protein": 1 }
          - slug: language-models
            name: Language Models
            description: Text.
            threshold: 3
            phrases: { "language model": 3 }
          - slug: other
            name: Other
            description: The rest.
        """;

    // Biology by the model alone, language models by either the rules or the model.
    private const string Model = """
        # A hand-made model: its probabilities are worked out by hand in the tests below.
        paper-trail-topic-model 1
        trained-on 2
        term 1.5 cell
        term 3 languag model
        term 2 protein
        topic biology bias -1 threshold 0.5 decision model
        weight 2 protein
        weight 1.5 cell
        topic language-models bias -2 threshold 0.5 decision either
        weight 4 languag model
        weight -0.5 protein

        """;

    private readonly FixtureSite _site = new(topicsYml: Taxonomy);

    public void Dispose() => _site.Dispose();

    private static Paper Paper(string title, string abstractText) =>
        new() { Title = title, Slug = "x", Trending = [new DateOnly(2026, 6, 1)], Abstract = abstractText };

    private static TopicModel Parse(string text)
    {
        var problems = new List<ContentProblem>();
        var model = TopicModelFile.Parse("topics-model.txt", text, problems);
        Assert.Empty(problems);
        return model!;
    }

    private static Taxonomy ReadTaxonomy()
    {
        var problems = new List<ContentProblem>();
        var taxonomy = TopicsReader.Read("topics.yml", Taxonomy, problems);
        Assert.Empty(problems);
        return taxonomy;
    }

    private FixtureSite Papers() => _site
        .Paper("proteins", "Protein cells", "[2026-06-01]", "A language model reads protein sequences of cells.")
        .Paper("llms", "Language models", "[2026-06-01]")
        .Paper("gardens", "Gardening tips", "[2026-06-01]", "Nothing here.");

    private string[] TopicsShownOn(string slug) =>
        _site.Html($"papers/{slug}/index.html").QuerySelectorAll("a[rel=tag]").Select(a => a.GetAttribute("href")!.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1]).ToArray();

    [Fact]
    public void Probabilities_equal_a_reference_worked_out_by_hand()
    {
        // "Protein cells" / "A language model reads protein sequences of cells.": protein 3 (title) + 1,
        // cell 3 + 1, "languag model" 1; each (1 + ln n) × IDF, scaled to length one; then the logistic.
        var model = Parse(Model);
        var p = model.Probabilities(PaperTokens.Of(Paper("Protein cells", "A language model reads protein sequences of cells.")));
        Assert.Equal(0.7744299542030092, p[0], 12);
        Assert.Equal(0.36347809120107477, p[1], 12);
        // Only "languag model" (three times, in the title): its vector is that one term at length one.
        var q = model.Probabilities(PaperTokens.Of(Paper("Language models", "An abstract.")));
        Assert.Equal(0.2689414213699951, q[0], 12);
        Assert.Equal(0.8807970779778823, q[1], 12);
    }

    [Fact]
    public void Each_topic_joins_the_rules_as_the_model_file_says_and_the_fallback_only_catches_papers_nothing_gives_a_topic()
    {
        var taxonomy = ReadTaxonomy();
        var classifier = new ModelAndRulesClassifier(taxonomy, new RuleClassifier(taxonomy), Parse(Model));
        // Biology by the model (its rule's threshold is out of reach); language models by the rules though the model says 0.36.
        Assert.Equal(["biology", "language-models"], classifier.Classify(Paper("Protein cells", "A language model reads protein sequences of cells.")));
        Assert.Equal(["language-models"], classifier.Classify(Paper("Language models", "An abstract.")));
        Assert.Empty(classifier.Classify(Paper("Gardening tips", "Nothing here.")));

        // Both: the rules must agree with the model; model: the rules no longer count.
        var both = new ModelAndRulesClassifier(taxonomy, new RuleClassifier(taxonomy), Parse(Model.Replace("decision either", "decision both")));
        Assert.Equal(["biology"], both.Classify(Paper("Protein cells", "A language model reads protein sequences of cells.")));
        Assert.Equal(["language-models"], both.Classify(Paper("Language models", "An abstract.")));
        var rules = new ModelAndRulesClassifier(taxonomy, new RuleClassifier(taxonomy), Parse(Model.Replace("decision model", "decision rules")));
        Assert.Equal(["language-models"], rules.Classify(Paper("Protein cells", "A language model reads protein sequences of cells.")));
    }

    [Fact]
    public void A_build_assigns_topics_with_the_model_and_a_new_model_assigns_them_again()
    {
        Papers().BuildOk();
        Assert.Equal(["language-models"], TopicsShownOn("proteins")); // no model: the rules alone
        Assert.Equal(["other"], TopicsShownOn("gardens"));

        _site.Write("content/topics-model.txt", Model);
        _site.BuildOk();
        Assert.Equal(["biology", "language-models"], TopicsShownOn("proteins"));
        Assert.Equal(["other"], TopicsShownOn("gardens"));

        // The papers' files are unchanged, so their topics are in the build cache: a new model must not find them there.
        _site.Write("content/topics-model.txt", Model.Replace("topic biology bias -1", "topic biology bias -9"));
        _site.BuildOk();
        Assert.Equal(["language-models"], TopicsShownOn("proteins"));
    }

    [Fact]
    public void Explain_shows_the_rules_that_fired_and_each_topics_probability_threshold_and_terms()
    {
        Papers().Write("content/topics-model.txt", Model);
        var result = Generator.Run("topics", "--content", _site.Content, "--explain", "proteins");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("topics: biology, language-models", result.Output);
        Assert.Contains("\"language model\" ×3: title 0, abstract 1 → +3", result.Output);
        Assert.Contains("biology: 0.774 (threshold 0.5, decided by model)", result.Output);
        Assert.Contains("language-models: 0.363 (threshold 0.5, decided by either), below", result.Output);
        // The terms that moved biology most, with what each added: protein 2 × 0.7147.
        Assert.Matches("\"protein\" \\+1\\.43, \"cell\" \\+0\\.80", result.Output);
        Assert.Contains("\"protein\" -0.36", result.Output);

        _site.Delete("content/topics-model.txt");
        var rulesOnly = Generator.Run("topics", "--content", _site.Content, "--explain", "proteins");
        Assert.Contains("topics: language-models", rulesOnly.Output);
        Assert.Contains("model: none", rulesOnly.Output);
    }

    [Fact]
    public void Report_gives_precision_and_recall_per_topic_on_test_labels()
    {
        Papers().Write("content/topics-model.txt", Model);
        var labels = _site.Write("test.jsonl", """
            {"title": "Protein cells", "abstract": "A language model reads protein sequences of cells.", "topics": ["biology"]}
            {"title": "Language models", "abstract": "An abstract.", "topics": ["language-models"]}
            {"title": "Gardening tips", "abstract": "Nothing here.", "topics": ["biology"]}

            """);
        var result = Generator.Run("topics", "--content", _site.Content, "--report", "--labels", labels);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("precision and recall per topic on", result.Output);
        Assert.Contains("(rules and model)", result.Output);
        // biology: 2 labelled, 1 given and right; language models: 1 labelled, 2 given, 1 right.
        Assert.Matches(@"biology\s+2\s+1\s+1\s+1\.000\s+0\.500", result.Output);
        Assert.Matches(@"language-models\s+1\s+2\s+1\s+0\.500\s+1\.000", result.Output);
        Assert.Contains("test.micro_f1=0.5714", result.Output);
    }

    [Theory]
    [InlineData("not a model\n", 1, "the first line must be 'paper-trail-topic-model 1'")]
    [InlineData("", 0, "is empty")]
    [InlineData("\0\u0001\u0002garbage", 1, "the first line must be")]
    [InlineData("paper-trail-topic-model 1\nterm many cell\n", 2, "expected 'term IDF WORDS'")]
    [InlineData("paper-trail-topic-model 1\nweight 1 cell\n", 2, "a weight before any topic line")]
    [InlineData("paper-trail-topic-model 1\nterm 1 cell\ntopic biology bias 0 threshold 1.5 decision model\n", 3, "the threshold '1.5' is not a probability")]
    [InlineData("paper-trail-topic-model 1\nterm 1 cell\ntopic biology bias 0 threshold 0.5 decision maybe\n", 3, "the decision 'maybe' is none of rules, model, either, both")]
    [InlineData("paper-trail-topic-model 1\nterm 1 cell\ntopic biology bias 0 threshold 0.5 decision model\nweight 1 protein\n", 4, "the term 'protein' has a weight but no 'term' line")]
    [InlineData("paper-trail-topic-model 1\nterm 1 cell\nterm 2 cell\n", 3, "the term 'cell' is listed twice")]
    [InlineData("paper-trail-topic-model 1\nterm NaN cell\n", 2, "expected 'term IDF WORDS'")]
    public void A_damaged_model_stops_check_and_build_naming_file_and_line(string text, int line, string message)
    {
        Papers().Write("content/topics-model.txt", text);
        var where = line > 0 ? $"topics-model.txt:{line}: " : "topics-model.txt: ";
        foreach (var result in new[] { Generator.Run("check", "--content", _site.Content), _site.Build() })
        {
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains(where + message, result.Errors);
        }
        Assert.False(_site.Exists("index.html"));
        var topics = Generator.Run("topics", "--content", _site.Content, "--report");
        Assert.Equal(1, topics.ExitCode);
        Assert.Contains(where + message, topics.Errors);
    }
}
