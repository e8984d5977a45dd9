using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Hostile;

/// <summary>The hostile scrape ingested through the real command line and built into a site, once per test class.</summary>
public sealed class HostileSite : IDisposable
{
    private readonly TempDir _dir = new();

    public string Content => _dir["content"];
    public string Output => _dir["output"];
    public Generator.Result Ingest { get; }
    public Generator.Result Build { get; }

    public HostileSite()
    {
        _dir.Write("content/site.yml", "title: Hostile Fixture\nbase_url: https://example.org/\ndescription: Everything the web can send.\n");
        _dir.Write("content/topics.yml", FixtureSite.DefaultTopics);
        var scrape = _dir.WriteBytes("hostile.txt", HostileScrape.Bytes());
        Ingest = Generator.Run("ingest", scrape, "--date", "2026-11-28", "--content", Content);
        Build = Generator.Run("build", "--content", Content, "--output", Output, "--themes", Path.Combine(Repo.Root, "themes"), "--no-search");
    }

    public IEnumerable<string> Files(string pattern) =>
        Directory.EnumerateFiles(Output, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public void Dispose() => _dir.Dispose();
}
