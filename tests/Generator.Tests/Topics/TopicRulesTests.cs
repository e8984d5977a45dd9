using PaperTrail.Content;
using PaperTrail.Tests.Support;
using PaperTrail.Topics;

namespace PaperTrail.Tests.Topics;

/// <summary>Rules from topics.yml decide topics; a forker changes them without touching code.</summary>
public sealed class TopicRulesTests : IDisposable
{
    private const string Taxonomy = """
        fallback: other
        classifier:
          title_weight: 3
          abstract_cap: 3
          max_topics: 4
          relative_cutoff: 0
        topics:
          - slug: diffusion-models
            name: Diffusion Models
            description: Denoising diffusion.
            threshold: 3
            phrases: { "diffusion model": 3, "score based": 2 }
            against: { "reaction diffusion": 5 }
          - slug: reinforcement-learning
            name: Reinforcement Learning
            description: Reward.
            threshold: 3
            phrases: { "reinforcement learning": 3, "polic*": 1 }
          - slug: other
            name: Other
            description: The rest.
        """;

    private readonly FixtureSite _site = new(topicsYml: Taxonomy);

    public void Dispose() => _site.Dispose();

    private static RuleClassifier Classifier(string yaml = Taxonomy)
    {
        var problems = new List<ContentProblem>();
        var taxonomy = TopicsReader.Read("topics.yml", yaml, problems);
        Assert.Empty(problems);
        return new RuleClassifier(taxonomy);
    }

    private static Paper Paper(string title, string abstractText = "") =>
        new() { Title = title, Slug = "x", Trending = [new DateOnly(2026, 11, 28)], Abstract = abstractText };

    [Theory]
    [InlineData("Diffusion Models for Everything")]
    [InlineData("A diffusion-model approach")]
    [InlineData("DIFFUSION MODELLING of images")]
    [InlineData("Score-Based Generative Modeling")]
    public void Matching_ignores_case_inflection_and_hyphenation(string title) =>
        Assert.Equal(["diffusion-models"], Classifier().Classify(Paper(title)));

    [Fact]
    public void Phrases_match_on_word_boundaries_only() =>
        Assert.Empty(Classifier().Classify(Paper("Misdiffusion modelers", "Nondiffusion models are not it.")));

    [Fact]
    public void Phrases_against_a_topic_count_against_it() =>
        Assert.Empty(Classifier().Classify(Paper("Reaction-diffusion models of chemistry")));

    [Fact]
    public void A_wildcard_matches_every_word_it_starts() =>
        Assert.Equal(["reinforcement-learning"], Classifier().Classify(Paper("Policies and policy gradients", "Policymakers.")));

    [Fact]
    public void Topics_come_best_first_and_the_title_counts_more()
    {
        var topics = Classifier().Classify(Paper("Reinforcement learning", "We use a diffusion model as a diffusion model prior."));
        Assert.Equal(["reinforcement-learning", "diffusion-models"], topics);
    }

    [Fact]
    public void Explain_names_the_phrases_that_fired()
    {
        var result = new List<ContentProblem>();
        var text = TopicReport.Explain(TopicsReader.Read("t.yml", Taxonomy, result), Paper("Diffusion Models", "A reaction diffusion system."));
        Assert.Contains("\"diffusion model\" ×3: title 1, abstract 0 → +9", text);
        Assert.Contains("against \"reaction diffusion\"", text);
    }

    [Fact]
    public void Changing_a_rule_in_topics_yml_moves_papers_between_topic_pages_and_feeds()
    {
        _site.Paper("policy-paper", "Policy Search at Scale", "[2026-11-28]", "We study policies.").BuildOk();
        Assert.Contains("Policy Search at Scale", _site.Text("topics/reinforcement-learning/index.html"));
        Assert.DoesNotContain("Policy Search at Scale", _site.Text("topics/other/feed.xml"));

        _site.Write("content/topics.yml", Taxonomy.Replace("\"polic*\": 1", "\"policy gradient\": 1"));
        _site.BuildOk();

        Assert.DoesNotContain("Policy Search at Scale", _site.Text("topics/reinforcement-learning/index.html"));
        Assert.DoesNotContain("Policy Search at Scale", _site.Text("topics/reinforcement-learning/feed.xml"));
        Assert.Contains("Policy Search at Scale", _site.Text("topics/other/index.html"));
        Assert.Contains("Policy Search at Scale", _site.Text("topics/other/feed.xml"));
    }

    [Fact]
    public void Topics_written_in_front_matter_are_kept_exactly()
    {
        _site.Paper("rl-title", "Reinforcement Learning Everywhere", "[2026-11-28]", extra: "topics: [diffusion-models]").BuildOk();
        var tags = _site.Html("papers/rl-title/index.html").QuerySelectorAll("a[rel~=tag]").Select(a => a.TextContent);
        Assert.Equal(["Diffusion Models"], tags);
    }

    [Fact]
    public void The_build_reports_how_many_papers_fell_back()
    {
        _site.Paper("a", "Something Unrelated", "[2026-11-28]").Paper("b", "Diffusion Models Again", "[2026-11-28]");
        Assert.Contains("1 paper fell back to the fallback topic", _site.Build().Output);
    }

    [Fact]
    public void A_topic_alias_redirects_to_its_new_address()
    {
        _site.Write("content/topics.yml", Taxonomy.Replace("description: Reward.", "description: Reward.\n    aliases: [rl]"));
        _site.Paper("p", "Reinforcement Learning", "[2026-11-28]").BuildOk();

        // On Netlify (the fixture's host) a rule, for the topic's every address; no page.
        Assert.Contains("/topics/rl/* /topics/reinforcement-learning/:splat 301!", _site.Text("_redirects"));
        Assert.False(_site.Exists("topics/rl/index.html"));
        Assert.DoesNotContain("topics/rl/", _site.Text("sitemap.xml"));

        // On GitHub Pages, a page at the old address sends the browser on.
        _site.Write("content/site.yml", File.ReadAllText(Path.Combine(_site.Content, "site.yml")) + "host: github-pages\n");
        _site.BuildOk();
        var page = _site.Html("topics/rl/index.html");
        Assert.Equal("0; url=/topics/reinforcement-learning/", page.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
        Assert.Equal("https://example.org/topics/reinforcement-learning/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public void Rules_with_mistakes_are_reported_with_their_line()
    {
        var problems = new List<ContentProblem>();
        TopicsReader.Read("topics.yml", "topics:\n  - slug: x\n    name: X\n    threshold: high\n    phrases: { \"a\": 1 }\n", problems);
        Assert.Contains(problems, p => p.Line == 4 && p.Message.Contains("'threshold'"));
    }
}
