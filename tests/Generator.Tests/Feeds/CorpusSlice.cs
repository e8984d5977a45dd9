using System.Xml.Linq;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Feeds;

/// <summary>
/// The captured sample of the trending corpus (12 real days, 361 papers, <c>tests/fixtures/corpus</c>)
/// ingested into an empty archive and built without search: a feed subscriber's view of real days.
/// </summary>
public sealed class CorpusSlice : IDisposable
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace History = "http://purl.org/syndication/history/1.0";

    private readonly TempDir _dir = new();

    public string Content => _dir["content"];
    public string Output => _dir["output"];

    public CorpusSlice()
    {
        Directory.CreateDirectory(Content);
        File.WriteAllText(Path.Combine(Content, "site.yml"),
            "title: Slice Archive\nbase_url: https://example.org/\ndescription: Real days.\nlanguage: en\nauthor: Tester\nfeed_size: 30\n");
        // The default taxonomy, as `init` writes it.
        File.Copy(Path.Combine(Repo.Root, "generator", "Topics", "default-topics.yml"), Path.Combine(Content, "topics.yml"));
        var ingest = Generator.Run("ingest", Repo.Corpus, "--content", Content);
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Build();
    }

    public void Build()
    {
        var build = Generator.Run("build", "--content", Content, "--output", Output, "--themes", Path.Combine(Repo.Root, "themes"), "--no-search");
        Assert.True(build.ExitCode == 0, build.ToString());
    }

    public string Text(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public XDocument Xml(string relative) => XDocument.Parse(Text(relative));

    /// <summary>Absolute URL → path in the output folder.</summary>
    public static string PathOf(string url) => new Uri(url).AbsolutePath.TrimStart('/');

    public void Dispose() => _dir.Dispose();
}
