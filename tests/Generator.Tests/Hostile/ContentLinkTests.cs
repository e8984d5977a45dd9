using System.Diagnostics;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Hostile;

/// <summary>
/// content/ takes files, not links: a symbolic link under it is never followed, wherever it points (a
/// file outside the archive was published as a paper; a loop and a link to nothing crashed check and
/// build with exit 70). A named pipe is never opened (reading one waits for a writer for ever). Each is
/// a message naming the entry: its paper is left out like any paper that cannot be read, <c>check</c>
/// exits with 1, and the build publishes the rest. The build's input scan lists content/ as the loader
/// does, so a rebuild agrees with a cold build. Run as processes of their own, so a hang fails the test.
/// </summary>
public sealed class ContentLinkTests : IDisposable
{
    private const string Secret = "Secret Outside The Archive";

    private readonly FixtureSite _site = new FixtureSite().Paper("good", "A Good Paper", "[2026-11-28]");
    private readonly TempDir _outside = new();

    public ContentLinkTests()
    {
        // A well-formed paper outside content/: whatever publishes it would show the secret.
        _outside.Write("secret.md", $"---\ntitle: \"{Secret}\"\nslug: secret\ntrending: [2026-11-28]\n---\n{Secret}.\n");
        _outside.Write("folder/secret.md", $"---\ntitle: \"{Secret}\"\nslug: secret\ntrending: [2026-11-28]\n---\n{Secret}.\n");
    }

    public void Dispose()
    {
        _site.Dispose();
        _outside.Dispose();
    }

    private string Papers => Path.Combine(_site.Content, "papers", "2026", "11");

    private Generator.Result Check() => GeneratorProcess.Run(null, "check", "--content", _site.Content);

    private Generator.Result Build(params string[] extra) =>
        GeneratorProcess.Run(null, ["build", "--content", _site.Content, "--output", _site.Output, "--themes", _site.Themes, "--no-search", .. extra]);

    private void AssertPublishedNothingOf(string text)
    {
        foreach (var file in Directory.EnumerateFiles(_site.Output, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".paper-trail", StringComparison.Ordinal)))
            Assert.DoesNotContain(text, File.ReadAllText(file));
    }

    /// <summary>check fails naming the entry with <paramref name="message"/>; build leaves it out with the same words and publishes the good paper.</summary>
    private void AssertLeftOut(string entry, string message)
    {
        var check = Check();
        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains($"error: {DisplayPathOf(entry)}: {message}", check.Errors);

        var build = Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains($"warning: {DisplayPathOf(entry)}: {message}", build.Errors);
        Assert.Contains("this paper is left out of the site", build.Errors);
        Assert.True(_site.Exists("papers/good/index.html"));
    }

    private static string DisplayPathOf(string path) => PaperTrail.Errors.DisplayPath.Of(path);

    [PosixFact("symbolic links")]
    public void A_link_to_a_paper_outside_content_is_never_read()
    {
        var link = Path.Combine(Papers, "secret.md");
        File.CreateSymbolicLink(link, _outside["secret.md"]);

        AssertLeftOut(link, $"is a symbolic link (to {_outside["secret.md"]}), which is not followed");
        AssertPublishedNothingOf(Secret);
    }

    [PosixFact("symbolic links")]
    public void A_link_to_a_paper_inside_content_is_refused_too()
    {
        // The rule is simple to state and to check: no link is followed, wherever it points.
        var target = _site.Write("content/papers/2026/11/inside.md", "---\ntitle: \"Inside Paper\"\nslug: inside\ntrending: [2026-11-27]\n---\nInside.\n");
        var link = Path.Combine(Papers, "inside-again.md");
        File.CreateSymbolicLink(link, target);

        AssertLeftOut(link, "is a symbolic link (to ");
        Assert.True(_site.Exists("papers/inside/index.html"));
        Assert.False(_site.Exists("papers/inside-again/index.html"));
    }

    [PosixFact("symbolic links")]
    public void A_link_to_a_folder_outside_content_is_not_gone_into()
    {
        var link = Path.Combine(_site.Content, "papers", "2026", "12");
        Directory.CreateSymbolicLink(link, _outside["folder"]);

        AssertLeftOut(link, "is a symbolic link (to ");
        AssertPublishedNothingOf(Secret);
    }

    [PosixFact("symbolic links")]
    public void A_link_that_loops_is_a_message_not_a_crash()
    {
        var link = Path.Combine(Papers, "loop.md");
        File.CreateSymbolicLink(link, "loop.md");

        AssertLeftOut(link, "is a symbolic link (to loop.md), which is not followed");
    }

    [PosixFact("symbolic links")]
    public void A_folder_link_that_loops_is_listed_once_not_forty_times()
    {
        // Followed, a link to the folder above listed every paper again under loop/loop/…/ until the system's limit.
        var link = Path.Combine(Papers, "loop");
        Directory.CreateSymbolicLink(link, ".");

        AssertLeftOut(link, "is a symbolic link (to .), which is not followed");
        var check = Check();
        Assert.Single(check.Errors.TrimEnd().Split('\n'));
    }

    [PosixFact("symbolic links")]
    public void A_link_to_nothing_is_a_message_not_a_crash()
    {
        var link = Path.Combine(Papers, "dangling.md");
        File.CreateSymbolicLink(link, "nowhere.md");

        AssertLeftOut(link, "is a symbolic link (to nowhere.md), which is not followed");
    }

    [PosixFact("symbolic links")]
    public void A_linked_papers_folder_stops_check_build_and_ingest_and_the_site_stays_as_it_was()
    {
        Assert.Equal(0, Build().ExitCode);
        var papers = Path.Combine(_site.Content, "papers");
        Directory.Move(papers, _outside["papers"]);
        Directory.CreateSymbolicLink(papers, _outside["papers"]);

        var check = Check();
        var build = Build();
        var ingest = GeneratorProcess.Run(null, "ingest", "--content", _site.Content, Path.Combine(Repo.Root, "tests", "fixtures", "seed", "trending-scrape.txt"), "--date", "2026-11-29");

        foreach (var result in new[] { check, build, ingest })
        {
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains($"{DisplayPathOf(papers)}: is a symbolic link (to {_outside["papers"]}), which is not followed", result.Errors);
        }
        // Not a site with no papers, as if every paper had been left out: the last one stays.
        Assert.True(_site.Exists("papers/good/index.html"));
        Assert.Equal(["good.md"], Directory.GetFiles(_outside["papers"], "*", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    [PosixFact("symbolic links")]
    public void A_linked_site_yml_stops_the_build_naming_it()
    {
        var site = Path.Combine(_site.Content, "site.yml");
        File.Move(site, _outside["site.yml"]);
        File.CreateSymbolicLink(site, _outside["site.yml"]);

        var check = Check();
        var build = Build();

        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains($"{DisplayPathOf(site)}: is a symbolic link (to {_outside["site.yml"]}), which is not followed", check.Errors);
        Assert.True(build.ExitCode == 1, build.ToString());
        Assert.Contains($"{DisplayPathOf(site)}: is a symbolic link", build.Errors);
    }

    [PosixFact("mkfifo")]
    public void A_named_pipe_called_x_md_is_not_opened()
    {
        var pipe = Path.Combine(Papers, "x.md");
        MakeFifo(pipe);

        // GeneratorProcess gives up after two minutes: a reader that opens the pipe waits for ever.
        AssertLeftOut(pipe, "is a named pipe (FIFO), not a file, and is not opened: remove it");
    }

    [PosixFact("mkfifo")]
    public void A_named_pipe_as_topics_yml_stops_the_build_without_waiting_on_it()
    {
        var topics = Path.Combine(_site.Content, "topics.yml");
        File.Delete(topics);
        MakeFifo(topics);

        var build = Build();

        Assert.True(build.ExitCode == 1, build.ToString());
        Assert.Contains($"{DisplayPathOf(topics)}: is a named pipe (FIFO), not a file, and is not opened", build.Errors);
    }

    [PosixFact("symbolic links")]
    public void A_rebuild_agrees_with_a_cold_build_as_links_come_and_go()
    {
        var link = Path.Combine(Papers, "secret.md");
        File.CreateSymbolicLink(link, _outside["secret.md"]);
        Assert.Equal(0, Build().ExitCode);

        // Nothing changed: the build ends early, and warns about the link again.
        var again = Build();
        Assert.Contains("no input changed since the last build", again.Output);
        Assert.Contains("secret.md: is a symbolic link", again.Errors);

        // What the link points at changes: still never read.
        File.WriteAllText(_outside["secret.md"], File.ReadAllText(_outside["secret.md"]).Replace(Secret, Secret + " Two"));
        Assert.Contains("secret.md: is a symbolic link", Build().Errors);
        AssertPublishedNothingOf(Secret);

        // The link becomes the file itself: read, and published.
        File.Delete(link);
        File.Copy(_outside["secret.md"], link);
        var rebuilt = Build();
        Assert.True(rebuilt.ExitCode == 0 && rebuilt.Errors.Length == 0, rebuilt.ToString());
        Assert.Contains(Secret + " Two", _site.Text("papers/secret/index.html"));
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
