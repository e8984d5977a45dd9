using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Hostile;

/// <summary>
/// A file under content/ the generator may not read (chmod 000) is a problem of that file, named,
/// never a crash: a paper file is left out of the site as a broken one is (check names it, ingest
/// leaves it as it is), and once it may be read again the next build takes it back in; a site.yml
/// that may not be read stops the build, naming it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UnreadableFileTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite()
        .Paper("kept", "A Paper Kept", "[2026-11-27]", extra: "topics: [diffusion-models]")
        .Paper("a-paper-locked-away", "A Paper Locked Away", "[2026-11-28]", extra: "topics: [diffusion-models]");

    public UnreadableFileTests()
    {
        // The theme beside the archive, where the generator's user may read it (the repository may sit in
        // a folder only its owner may enter, as CI's clone does).
        _site.Themes = TestFiles.CopyDefaultTheme(Path.Combine(Path.GetDirectoryName(_site.Content)!, "themes"));
    }

    public void Dispose() => _site.Dispose();

    private string Locked => Path.Combine(_site.Content, "papers", "2026", "11", "a-paper-locked-away.md");

    private string Root => Path.GetDirectoryName(_site.Content)!;

    private Generator.Result Build() =>
        UnprivilegedGenerator.Run("build", "--content", _site.Content, "--output", _site.Output, "--themes", _site.Themes, "--no-search");

    [UnreadableFilesFact]
    public void A_paper_file_that_may_not_be_read_is_left_out_and_taken_back_once_it_may()
    {
        UnprivilegedGenerator.Share(Root);
        Assert.Equal(0, Build().ExitCode);
        UnprivilegedGenerator.MakeUnreadable(Locked);
        File.SetLastWriteTimeUtc(Locked, DateTime.UtcNow.AddMinutes(1)); // a new time, its size the same: the build must look

        var check = UnprivilegedGenerator.Run("check", "--content", _site.Content, "--themes", _site.Themes);
        var build = Build();

        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains("a-paper-locked-away.md: cannot be read: ", check.Errors);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("this paper is left out of the site", build.Errors);
        Assert.Contains("a-paper-locked-away.md: cannot be read: ", build.Errors);
        Assert.False(_site.Exists("papers/a-paper-locked-away/index.html"));
        Assert.True(_site.Exists("papers/kept/index.html"));

        // Giving the file back its permission changes neither its size nor its time: the build still sees it.
        File.SetUnixFileMode(Locked, (UnixFileMode)0b110_110_110);
        var again = Build();
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.DoesNotContain("left out", again.Errors);
        Assert.True(_site.Exists("papers/a-paper-locked-away/index.html"));
    }

    [UnreadableFilesFact]
    public void Ingest_leaves_a_paper_file_that_may_not_be_read_as_it_is_and_merges_nothing_into_it()
    {
        var scrape = _site.Write("scrape.txt", "A Paper Locked Away\nA new abstract.\nA Paper Quite New\nIts abstract.\n");
        UnprivilegedGenerator.Share(Root);
        UnprivilegedGenerator.MakeUnreadable(Locked);
        var before = File.GetLastWriteTimeUtc(Locked);

        var result = UnprivilegedGenerator.Run("ingest", scrape, "--date", "2026-11-29", "--content", _site.Content);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ingest leaves this file as it is", result.Errors);
        Assert.Contains("a-paper-locked-away.md: cannot be read: ", result.Errors);
        Assert.Contains("\"A Paper Locked Away\" was not merged", result.Errors); // its slug is its file's name, all that is known of it
        Assert.Contains("1 new", result.Output);
        Assert.Equal(before, File.GetLastWriteTimeUtc(Locked));
    }

    [UnreadableFilesFact]
    public void A_site_yml_that_may_not_be_read_stops_the_build_naming_it()
    {
        UnprivilegedGenerator.Share(Root);
        UnprivilegedGenerator.MakeUnreadable(Path.Combine(_site.Content, "site.yml"));

        var result = Build();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.DoesNotContain("crash", result.Errors);
        Assert.Contains("site.yml", result.Errors);
        Assert.Contains("is denied", result.Errors);
    }
}
