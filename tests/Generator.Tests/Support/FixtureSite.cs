using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PaperTrail.Tests.Support;

/// <summary>
/// A tiny site declared inline (site.yml, topics.yml, a few papers as raw text), built into a temp
/// folder with the real command line and read back the way a browser or feed reader would.
/// </summary>
public sealed class FixtureSite : IDisposable
{
    private readonly TempDir _dir = new();
    private static readonly HtmlParser Parser = new();

    public string Content => _dir["content"];
    public string Output => _dir["output"];
    public string Themes { get; set; } = Path.Combine(Repo.Root, "themes");

    public const string DefaultTopics = """
        fallback: other
        topics:
          - slug: diffusion-models
            name: Diffusion Models
            description: Denoising diffusion and score-based models.
          - slug: reinforcement-learning
            name: Reinforcement Learning
            description: Agents that learn from reward.
          - slug: other
            name: Other
            description: Papers no other topic describes.
        """;

    public FixtureSite(string? siteYml = null, string? topicsYml = null)
    {
        _dir.Write("content/site.yml", siteYml ?? "title: Fixture Archive\nbase_url: https://example.org/\ndescription: A test archive.\nlanguage: en\nauthor: Tester\npage_size: 2\nfeed_size: 3\n");
        _dir.Write("content/topics.yml", topicsYml ?? DefaultTopics);
    }

    /// <summary>Adds a paper; <paramref name="extra"/> is more front matter, one "key: value" per line.</summary>
    public FixtureSite Paper(string slug, string title, string trending, string abstractText = "An abstract.", string extra = "")
    {
        var yamlTitle = "\"" + title.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        // The first day, whether the list holds bare days or {day: …, rank: …} items.
        var first = System.Text.RegularExpressions.Regex.Match(trending, @"\d{4}-\d{2}-\d{2}").Value;
        _dir.Write($"content/papers/{first[..4]}/{first[5..7]}/{slug}.md",
            $"---\ntitle: {yamlTitle}\nslug: {slug}\ntrending: {trending}\n{extra}{(extra.Length > 0 && !extra.EndsWith('\n') ? "\n" : "")}---\n{abstractText}\n");
        return this;
    }

    public string Write(string relative, string text) => _dir.Write(relative, text);

    public void Delete(string relative) => File.Delete(_dir[relative]);

    /// <summary>Off by default: most tests are about pages, and Pagefind needs Node.js and takes time.</summary>
    public bool Search { get; set; }

    public Generator.Result Build(params string[] extra) =>
        Generator.Run(["build", "--content", Content, "--output", Output, "--themes", Themes, .. (Search ? Array.Empty<string>() : ["--no-search"]), .. extra]);

    /// <summary>Builds and insists it succeeded.</summary>
    public FixtureSite BuildOk(params string[] extra)
    {
        var result = Build(extra);
        Assert.True(result.ExitCode == 0, result.ToString());
        return this;
    }

    public bool Exists(string relative) => File.Exists(Path.Combine(Output, relative));

    public string Text(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public IHtmlDocument Html(string relative) => Parser.ParseDocument(Text(relative));

    public void Dispose() => _dir.Dispose();
}
