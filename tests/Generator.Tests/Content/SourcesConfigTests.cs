using PaperTrail.Content;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Content;

/// <summary>
/// site.yml's <c>sources</c>: the names every site.yml had so far still read as before, arXiv
/// searches read beside them, and each mistake is refused with the line to fix.
/// </summary>
public sealed class SourcesConfigTests
{
    private static (SiteConfig Config, List<ContentProblem> Problems) Read(string yaml)
    {
        var problems = new List<ContentProblem>();
        var config = SiteConfigReader.Read("site.yml", "title: T\n" + yaml, problems);
        return (config, problems);
    }

    [Theory]
    [InlineData("sources: [hf-trending, hf-daily]\n")]
    [InlineData("sources:\n  - hf-trending\n  - hf-daily\n")]
    public void The_old_list_of_names_reads_as_before(string yaml)
    {
        var (config, problems) = Read(yaml);

        Assert.Empty(problems);
        Assert.Equal(["hf-trending", "hf-daily"], config.Sources);
        Assert.Empty(config.ArxivSources);
    }

    [Fact]
    public void Without_sources_the_nightly_fetches_hf_trending_and_no_arxiv()
    {
        var (config, problems) = Read("");

        Assert.Empty(problems);
        Assert.Equal(["hf-trending"], config.Sources);
        Assert.Empty(config.ArxivSources);
    }

    [Fact]
    public void Arxiv_searches_read_beside_the_names_in_either_yaml_style()
    {
        var (config, problems) = Read("""
            sources:
              - hf-trending
              - arxiv: { categories: [cs.RO, q-bio.NC], floor: 5 }
              - arxiv:
                  terms: ["world model", diffusion policy]
                  authors: [Sergey Levine]
            """);

        Assert.Empty(problems);
        Assert.Equal(["hf-trending"], config.Sources);
        Assert.Equal(2, config.ArxivSources.Count);
        var categories = config.ArxivSources[0];
        Assert.Equal(["cs.RO", "q-bio.NC"], categories.Categories);
        Assert.Equal(5, categories.Floor);
        var query = config.ArxivSources[1];
        Assert.Equal(["world model", "diffusion policy"], query.Terms);
        Assert.Equal(["Sergey Levine"], query.Authors);
        Assert.Equal(0, query.Floor); // no floor: a narrow search may bring nothing some days
        Assert.Equal("arxiv terms \"world model\", \"diffusion policy\" authors \"Sergey Levine\"", query.Label);
    }

    [Fact]
    public void Only_arxiv_sources_mean_no_hugging_face_source()
    {
        var (config, problems) = Read("sources:\n  - arxiv: { categories: [hep-th, cond-mat.mes-hall, astro-ph.CO] }\n");

        Assert.Empty(problems);
        Assert.Empty(config.Sources);
        Assert.Equal(["hep-th", "cond-mat.mes-hall", "astro-ph.CO"], Assert.Single(config.ArxivSources).Categories);
    }

    [Theory]
    [InlineData("sources:\n  - hf-trending\n  - arxiv: { categories: [cs.RO], flor: 5 }\n", 4, "unknown key 'flor' in an arxiv source; known keys are categories, terms, authors, floor")]
    [InlineData("sources:\n  - arxiv: { categories: [cs.RO], floor: -1 }\n", 3, "'floor' has '-1', which is not a whole number of 0 or more")]
    [InlineData("sources:\n  - arxiv: { categories: [cs RO] }\n", 3, "'categories' has 'cs RO', which is not an arXiv category")]
    [InlineData("sources:\n  - arxiv: { floor: 3 }\n", 3, "an arxiv source names categories, terms or authors")]
    [InlineData("sources:\n  - arxiv: { terms: ['say \"hi\"'] }\n", 3, "a phrase may not hold a double quote")]
    [InlineData("sources:\n  - arxiv: cs.RO\n", 3, "'arxiv' must be a mapping of categories, terms, authors and floor")]
    [InlineData("sources:\n  - hf-trending\n  - arxiv\n", 4, "'sources' has 'arxiv'; the nightly job knows hf-trending, hf-daily, and arxiv searches")]
    [InlineData("sources:\n  - arxiv: { categories: [cs.RO] }\n    huggingface: yes\n", 3, "an entry of 'sources' is a name")]
    [InlineData("sources: hf-trending\n", 2, "'sources' must be a list")]
    [InlineData("sources: [hf-weekly]\n", 2, "'sources' has 'hf-weekly'")]
    public void A_mistake_is_refused_with_its_line(string yaml, int line, string message)
    {
        var (_, problems) = Read(yaml);

        var problem = Assert.Single(problems);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void The_nightly_refuses_a_broken_source_with_file_and_line_and_fetches_nothing()
    {
        using var dir = new TempDir();
        dir.Write("content/site.yml", "title: T\nsources:\n  - arxiv: { categories: [cs.RO], flor: 5 }\n");

        var result = Generator.Run("ingest", "--scheduled", "--content", dir["content"], "--date", "2025-10-17", "--arxiv-base", "http://127.0.0.1:9/");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("site.yml:3: unknown key 'flor' in an arxiv source", result.Errors);
        Assert.DoesNotContain("fetch:", result.Output);
    }
}
