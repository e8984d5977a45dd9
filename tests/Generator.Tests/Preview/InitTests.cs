using System.Xml.Linq;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Preview;

/// <summary><c>generator init</c> starts a fork's archive that builds at once, even with no paper.</summary>
public sealed class InitTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private Generator.Result Build(string output) =>
        Generator.Run("build", "--content", _dir["mine/content"], "--output", output, "--themes", Path.Combine(Repo.Root, "themes"), "--no-search");

    [Fact]
    public void A_new_archive_checks_and_builds_with_no_paper_into_valid_deterministic_feeds()
    {
        var init = Generator.Run("init", _dir["mine"]);
        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.True(File.Exists(_dir["mine/content/site.yml"]));
        Assert.True(Directory.Exists(_dir["mine/content/papers"]));
        Assert.Equal(PaperTrail.Topics.DefaultTopics.Bytes(), File.ReadAllBytes(_dir["mine/content/topics.yml"]));
        Assert.Equal(0, Generator.Run("check", "--content", _dir["mine/content"]).ExitCode);

        var first = Build(_dir["out1"]);
        var second = Build(_dir["out2"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(0, second.ExitCode);
        var a = FolderSnapshot.Of(_dir["out1"]).Files;
        var b = FolderSnapshot.Of(_dir["out2"]).Files;
        Assert.Equal(a.Keys, b.Keys);
        Assert.All(a, f => Assert.Equal(f.Value.Hash, b[f.Key].Hash));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(File.ReadAllText(_dir["out1/atom.xml"]));
        Assert.Empty(feed.Descendants(atom + "entry"));
        Assert.Equal("1970-01-01T00:00:00Z", feed.Root!.Element(atom + "updated")!.Value);
        Assert.Empty(XDocument.Parse(File.ReadAllText(_dir["out1/feed.xml"])).Descendants("item"));
        Assert.Contains("No papers yet", File.ReadAllText(_dir["out1/index.html"]));
    }

    [Fact]
    public void Init_never_writes_over_an_archive()
    {
        Generator.Run("init", _dir["mine"]);
        File.WriteAllText(_dir["mine/content/site.yml"], "title: Mine\n");

        var again = Generator.Run("init", _dir["mine"]);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already holds an archive", again.Errors);
        Assert.Equal("title: Mine\n", File.ReadAllText(_dir["mine/content/site.yml"]));
    }

    [Fact]
    public void Content_from_a_newer_schema_is_refused_with_a_clear_message()
    {
        Generator.Run("init", _dir["mine"]);
        File.WriteAllText(_dir["mine/content/site.yml"], File.ReadAllText(_dir["mine/content/site.yml"]).Replace("schema_version: 1", "schema_version: 9"));
        var result = Build(_dir["out"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("site.yml:2: this content uses schema version 9", result.Errors);
    }
}
