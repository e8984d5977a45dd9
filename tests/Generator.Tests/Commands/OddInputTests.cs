using System.Diagnostics;
using System.Globalization;
using PaperTrail.Output;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Commands;

/// <summary>
/// Each command run with the odd inputs a person does give it (a file where a folder goes, a folder
/// where a file goes, an output inside what the build reads, <c>--content /</c>): a message naming
/// what is wrong and exit 1 or 2, never a crash, never a hang, and nothing of theirs changed.
/// </summary>
public sealed class OddInputTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FixtureSite _site = new FixtureSite()
        .Paper("a", "Paper A", "[2026-11-27]", extra: "topics: [diffusion-models]")
        .Paper("b", "Paper B", "[2026-11-28]");

    public void Dispose()
    {
        _site.Dispose();
        _dir.Dispose();
    }

    private static void AssertRefused(Generator.Result result, int exitCode, string expected)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains(expected, result.Errors);
        Assert.DoesNotContain("crash", result.Errors);
    }

    private Generator.Result Build(string output) =>
        Generator.Run("build", "--content", _site.Content, "--output", output, "--themes", _site.Themes, "--no-search");

    [Fact]
    public void Init_on_a_file_says_so_and_leaves_it()
    {
        var readme = _dir.Write("README.md", "# mine\n");

        AssertRefused(Generator.Run("init", readme), 2, "README.md is a file: init makes a new archive in a folder");
        AssertRefused(Generator.Run("init", Path.Combine(readme, "sub")), 1, "README.md is a file, where a folder must be");
        Assert.Equal("# mine\n", File.ReadAllText(readme));
    }

    [Theory]
    [InlineData("--content is empty", "build", "--content", "")]
    [InlineData("--output is empty", "build", "--output", "")]
    [InlineData("--themes is empty", "check", "--themes", "")]
    [InlineData("--content is empty", "ingest", "x.txt", "--content", "")]  // once: papers written into the folder the command ran in
    [InlineData("<inputs> is empty", "ingest", "", "--dry-run")]
    [InlineData("<dir> is empty", "init", "")]
    [InlineData("--output is empty", "terms", "--output", "")]
    [InlineData("--retry-delay must be a number of seconds up to 3600", "ingest", "x.txt", "--retry-delay", "NaN")]
    [InlineData("--retry-delay must be a number of seconds up to 3600", "ingest", "x.txt", "--retry-delay", "1e308")]
    public void An_empty_path_or_an_impossible_number_is_a_usage_error(string expected, params string[] args)
    {
        var before = Directory.GetFileSystemEntries(Environment.CurrentDirectory);
        AssertRefused(Generator.Run(args), 2, expected);
        Assert.Equal(before, Directory.GetFileSystemEntries(Environment.CurrentDirectory)); // no papers/, content/ or output where the command ran
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    public void A_port_out_of_range_is_a_usage_error_before_anything_is_built(string port)
    {
        var preview = _dir["preview"];
        var result = GeneratorProcess.Run(null, "serve", "--content", _site.Content, "--themes", _site.Themes, "--output", preview, "--port", port);

        AssertRefused(result, 2, "--port must be between 1 and 65535");
        Assert.False(Directory.Exists(preview));
    }

    [Fact]
    public void A_themes_folder_that_is_a_file_is_named()
    {
        var themes = _dir.Write("themes", "not a folder");

        AssertRefused(Generator.Run("build", "--content", _site.Content, "--output", _dir["out"], "--themes", themes, "--no-search"), 1, "theme 'default' not found");
        AssertRefused(Generator.Run("check", "--content", _site.Content, "--themes", themes), 1, "theme 'default' not found");
        Assert.False(File.Exists(Path.Combine(_dir["out"], "index.html")));
    }

    [Fact]
    public void A_labels_file_that_is_not_there_is_named()
    {
        AssertRefused(Generator.Run("topics", "--content", _site.Content, "--evaluate", _dir["labels.jsonl"]), 1, "labels.jsonl: no such file");
    }

    [Fact]
    public void An_output_folder_that_is_a_file_is_named_and_left_alone()
    {
        var file = _dir.Write("site.html", "mine");

        AssertRefused(Build(file), 1, "site.html is a file, where a folder must be");
        Assert.Equal("mine", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("content/output")]
    [InlineData("content")]
    [InlineData("content/papers/site")]
    public void An_output_inside_the_content_folder_is_a_usage_error_and_content_is_untouched(string output)
    {
        var before = FolderSnapshot.Of(_site.Content);

        AssertRefused(Build(Path.Combine(Path.GetDirectoryName(_site.Content)!, output)), 2, "is inside the content folder");
        Assert.Empty(before.Differences(FolderSnapshot.Of(_site.Content)));
    }

    [Fact]
    public void An_output_inside_a_theme_is_a_usage_error_and_one_beside_the_themes_builds()
    {
        _site.Themes = TestFiles.CopyDefaultTheme(_dir["themes"]);

        AssertRefused(Build(_dir["themes/default/site"]), 2, "is inside the theme folder");
        Assert.False(Directory.Exists(_dir["themes/default/site"]));
        Assert.Equal(0, Build(_dir["themes/site"]).ExitCode); // not a theme: a folder of the themes folder like any other
    }

    [Fact]
    public void Serve_refuses_an_output_inside_content_before_serving()
    {
        var result = GeneratorProcess.Run(null, "serve", "--content", _site.Content, "--themes", _site.Themes,
            "--output", Path.Combine(_site.Content, ".preview"), "--port", TestFiles.FreePort().ToString(CultureInfo.InvariantCulture));

        AssertRefused(result, 2, "is inside the content folder");
    }

    [Theory]
    [InlineData("check")]
    [InlineData("build")]
    [InlineData("topics")]
    public void A_content_folder_that_holds_no_archive_is_refused_at_once(string command)
    {
        var root = Path.GetPathRoot(Path.GetTempPath())!;
        var clock = Stopwatch.StartNew();

        var result = Generator.Run([command, "--content", root, .. command == "build" ? new[] { "--output", _dir["out"], "--no-search" } : []]);

        AssertRefused(result, 1, "holds no archive (no site.yml, topics.yml or papers/)");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.False(Directory.Exists(_dir["out"]));
    }

    [Fact]
    public void A_content_folder_that_is_a_file_is_named()
    {
        var file = _dir.Write("content.txt", "x");
        AssertRefused(Generator.Run("check", "--content", file), 1, "content.txt is a file");
        AssertRefused(Generator.Run("ingest", Repo.SeedScrape, "--content", file, "--date", "2026-11-28"), 1, "content.txt is a file");
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void Ingest_into_a_folder_of_other_files_writes_nothing_and_into_a_new_one_starts_an_archive()
    {
        var other = _dir.Write("documents/letter.txt", "Dear reader");
        var before = FolderSnapshot.Of(_dir["documents"]);

        AssertRefused(Generator.Run("ingest", Repo.SeedScrape, "--content", _dir["documents"], "--date", "2026-11-28"), 1, "holds no archive");
        Assert.Empty(before.Differences(FolderSnapshot.Of(_dir["documents"])));
        Assert.Equal(0, Generator.Run("ingest", Repo.SeedScrape, "--content", _dir["fresh"], "--date", "2026-11-28").ExitCode);
        Assert.True(File.Exists(other));
    }

    [Fact]
    public void Ingest_with_a_papers_file_where_the_folder_goes_names_it()
    {
        _site.Delete("content/papers/2026/11/a.md");
        _site.Delete("content/papers/2026/11/b.md");
        Directory.Delete(Path.Combine(_site.Content, "papers"), recursive: true);
        _site.Write("content/papers", "not a folder");

        var result = Generator.Run("ingest", Repo.SeedScrape, "--content", _site.Content, "--date", "2026-11-28");

        AssertRefused(result, 1, $"{Path.Combine("content", "papers")} is a file, where a folder must be");
        Assert.Equal("not a folder", File.ReadAllText(Path.Combine(_site.Content, "papers")));
    }

    [Fact]
    public void A_file_where_an_output_folder_goes_is_named_and_left_alone()
    {
        _site.BuildOk();
        Directory.Delete(Path.Combine(_site.Output, "papers"), recursive: true);
        var mine = _site.Write("output/papers", "mine");
        _site.Write("content/site.yml", "title: Renamed\nbase_url: https://example.org/\n");

        AssertRefused(_site.Build(), 1, $"{Path.Combine("output", "papers")} is a file, where a folder must be");
        Assert.Equal("mine", File.ReadAllText(mine));
    }

    [Fact]
    public void A_folder_where_an_output_goes_is_named_and_kept_with_what_it_holds()
    {
        // A first build writes in place; a rebuild stages and swaps: neither may take the folder for a file.
        var inPlace = _site.Write("output/index.html/notes.txt", "mine");
        AssertRefused(_site.Build(), 1, "index.html: cannot be written: a folder is in its place");
        Assert.Equal("mine", File.ReadAllText(inPlace));

        Directory.Delete(Path.Combine(_site.Output, "index.html"), recursive: true);
        _site.BuildOk();
        File.Delete(Path.Combine(_site.Output, "feed.xml"));
        var swapped = _site.Write("output/feed.xml/notes.txt", "mine too");
        _site.Write("content/site.yml", "title: Renamed\nbase_url: https://example.org/\n");
        AssertRefused(_site.Build(), 1, "feed.xml: cannot be written: a folder is in its place");
        Assert.Equal("mine too", File.ReadAllText(swapped));
    }

    [Fact]
    public void A_garbled_outputs_manifest_removes_nothing_outside_and_the_build_goes_on()
    {
        _site.BuildOk();
        var outside = _dir.Write("outside.txt", "mine");
        var manifest = OutputWriter.ManifestFile(_site.Output, "outputs.txt");
        File.AppendAllText(manifest, "papers//\0x\n../../outside.txt\n" + Path.GetFullPath(outside) + "\n.paper-trail/lock\n");
        _site.Write("content/site.yml", "title: Renamed\nbase_url: https://example.org/\n");

        _site.BuildOk();

        Assert.Equal("mine", File.ReadAllText(outside));
        Assert.True(File.Exists(OutputWriter.ManifestFile(_site.Output, FolderLock.OutputLockName)));
        Assert.False(File.ReadAllText(manifest).Contains('\0'), "the new manifest kept the garbled line");
    }

    [Fact]
    public void An_empty_file_new_since_the_last_build_is_an_input_like_any_other()
    {
        _site.BuildOk();
        _site.Write("content/papers/.gitkeep", "");   // what init leaves, and git keeps
        _site.Write("content/notes/empty.txt", "");

        _site.BuildOk();

        Assert.Contains("no input changed", _site.Build().Output);
    }

    [Fact]
    public void A_folder_where_a_manifest_goes_is_named()
    {
        _site.BuildOk();
        File.Delete(OutputWriter.ManifestFile(_site.Output, "inputs.txt"));
        Directory.CreateDirectory(OutputWriter.ManifestFile(_site.Output, "inputs.txt"));
        _site.Write("content/site.yml", "title: Renamed\nbase_url: https://example.org/\n");

        AssertRefused(_site.Build(), 1, "inputs.txt: cannot be written: a folder is in its place");
    }
}
