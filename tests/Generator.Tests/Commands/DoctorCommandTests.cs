using PaperTrail.Doctor;
using PaperTrail.Tests.Support;
using PaperTrail.Tools;
using static PaperTrail.Tests.Support.StubHttpServer;

namespace PaperTrail.Tests.Commands;

/// <summary>
/// <c>generator doctor</c> tells a forker, before the first nightly, exactly what stands between the
/// fork and a published site: one line per problem with what to do, exit 1 if there is any, and
/// nothing on a fork that is ready (this repository's own layout).
/// </summary>
public sealed class DoctorCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Content => _dir["content"];

    private const string ReadySiteYml = "schema_version: 2\ntitle: My Archive\nbase_url: https://my-archive.netlify.app/\nlanguage: en\nhost: netlify\nsources: [hf-trending]\n";

    /// <summary>A fork as <c>init</c> leaves it, with site.yml as given and the repository's nightly workflow copied in.</summary>
    private DoctorCommandTests Fork(string siteYml = ReadySiteYml, bool workflow = true)
    {
        var init = Generator.Run("init", _dir.Path);
        Assert.True(init.ExitCode == 0, init.ToString());
        File.WriteAllText(Path.Combine(Content, "site.yml"), siteYml);
        if (workflow) _dir.Write(".github/workflows/nightly.yml", File.ReadAllText(Path.Combine(Repo.Root, ".github", "workflows", "nightly.yml")));
        return this;
    }

    private Generator.Result Doctor(params string[] extra) => Generator.Run(["doctor", "--content", Content, .. extra]);

    private static List<string> Problems(Generator.Result result) =>
        result.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("problem: ", StringComparison.Ordinal)).ToList();

    private string Shown(string relative) => Path.Combine(_dir.Path, relative);

    [Fact]
    public void On_a_fresh_init_it_names_exactly_the_placeholder_base_url_and_the_missing_workflow()
    {
        Assert.Equal(0, Generator.Run("init", _dir.Path).ExitCode);

        var result = Doctor();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
        [
            $"problem: {Shown("content/site.yml")}:6: base_url https://example.org/ is a placeholder: set it to the address netlify publishes the site at (https://<site>.netlify.app/, or a domain of your own)",
            $"problem: {Shown(".github/workflows/nightly.yml")}: missing: nothing ingests, builds or publishes the archive every night; copy .github/workflows/nightly.yml from Paper Trail's repository",
        ], Problems(result));
        Assert.Contains("doctor: 2 problems to fix before the first nightly", result.Output);
        Assert.Contains(ForkDoctor.ScheduleNote.ToString(), result.Output);
    }

    /// <summary>
    /// This repository's archive, themes and workflow. Its base_url and host are set to a published
    /// Netlify site's: a fork that runs this suite (scripts/fork-rehearsal.sh) may still have init's
    /// placeholder there, which doctor rightly names.
    /// </summary>
    [Fact]
    public void On_a_copy_of_this_repositorys_layout_it_finds_no_problem()
    {
        CopyFolder(Path.Combine(Repo.Root, "content"), Content);
        CopyFolder(Path.Combine(Repo.Root, "themes"), _dir["themes"]);
        _dir.Write(".github/workflows/nightly.yml", File.ReadAllText(Path.Combine(Repo.Root, ".github", "workflows", "nightly.yml")));
        var siteYml = Path.Combine(Content, "site.yml");
        var settings = File.ReadAllLines(siteYml).Where(l => !l.StartsWith("base_url:", StringComparison.Ordinal) && !l.StartsWith("host:", StringComparison.Ordinal));
        File.WriteAllLines(siteYml, [.. settings, "base_url: https://paper-trail.netlify.app/", "host: netlify"]);

        var result = Doctor();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(Problems(result));
        Assert.Contains("doctor: no problems; the fork is ready for its first nightly", result.Output);
    }

    [Fact]
    public void Its_report_is_the_same_every_time()
    {
        Assert.Equal(0, Generator.Run("init", _dir.Path).ExitCode);
        Assert.Equal(Doctor().Output, Doctor().Output);
    }

    [Fact]
    public void A_site_yml_problem_is_named_with_its_line_and_nothing_that_needs_site_yml_is_judged()
    {
        Fork(ReadySiteYml.Replace("sources: [hf-trending]", "sources: [hf-weekly]"));

        var result = Doctor();

        Assert.Equal(1, result.ExitCode);
        var problem = Assert.Single(Problems(result));
        Assert.StartsWith($"problem: {Shown("content/site.yml")}:6: 'sources' has 'hf-weekly'", problem);
    }

    [Theory]
    [InlineData("base_url: http://my-archive.netlify.app/", "host: netlify", "base_url http://my-archive.netlify.app/ is not https")]
    [InlineData("base_url: https://someone.github.io/archive/", "host: netlify", "base_url https://someone.github.io/archive/ is not an address of netlify, the host site.yml names")]
    [InlineData("base_url: https://my-archive.netlify.app/", "host: github-pages", "base_url https://my-archive.netlify.app/ is not an address of github-pages")]
    [InlineData("base_url: https://someone.github.io/a/b/", "host: github-pages", "base_url https://someone.github.io/a/b/ has a path of 2 folders")]
    public void A_base_url_the_host_does_not_serve_is_a_problem_on_its_line(string baseUrl, string host, string expected)
    {
        Fork(ReadySiteYml.Replace("base_url: https://my-archive.netlify.app/", baseUrl).Replace("host: netlify", host));

        var result = Doctor();

        Assert.Equal(1, result.ExitCode);
        var problem = Assert.Single(Problems(result));
        Assert.StartsWith($"problem: {Shown("content/site.yml")}:3: {expected}", problem);
    }

    [Theory]
    [InlineData("https://github.com/someone/archive.git", "https://someone.github.io/archive/", null)]
    [InlineData("git@github.com:Someone/someone.github.io.git", "https://someone.github.io/", null)]
    [InlineData("https://github.com/someone/archive", "https://someone.github.io/papers/", "set it to https://someone.github.io/archive/")]
    [InlineData("https://github.com/other/archive.git", "https://someone.github.io/archive/", "set it to https://other.github.io/archive/")]
    public void On_github_pages_a_github_io_base_url_is_held_to_the_clones_origin(string origin, string baseUrl, string? expected)
    {
        Fork(ReadySiteYml.Replace("https://my-archive.netlify.app/", baseUrl).Replace("host: netlify", "host: github-pages"));
        _dir.Write(".git/config", $"[core]\n\tbare = false\n[remote \"upstream\"]\n\turl = https://github.com/paper-trail/paper-trail.git\n[remote \"origin\"]\n\turl = {origin}\n");

        var result = Doctor();

        if (expected is null)
        {
            Assert.True(result.ExitCode == 0, result.ToString());
        }
        else
        {
            Assert.Equal(1, result.ExitCode);
            Assert.EndsWith(expected, Assert.Single(Problems(result)));
        }
    }

    [Fact]
    public void On_github_pages_a_domain_of_ones_own_passes_with_a_note_of_what_cannot_be_seen_offline()
    {
        Fork(ReadySiteYml.Replace("https://my-archive.netlify.app/", "https://papers.my-lab.org/").Replace("host: netlify", "host: github-pages"));

        var result = Doctor();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("note: base_url https://papers.my-lab.org/ is a domain of your own: GitHub Pages serves it once it is set under Settings → Pages → Custom domain", result.Output);
        Assert.Contains("note: GitHub Pages publishes what the workflow deploys only once Settings → Pages → Source is \"GitHub Actions\"", result.Output);
    }

    [Fact]
    public void A_workflow_without_a_schedule_is_a_problem()
    {
        Fork();
        var path = _dir[".github/workflows/nightly.yml"];
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("  schedule:\n    - cron: \"17 6 * * *\" # every day at 06:17 UTC, after Hugging Face's morning list settles\n", ""));
        Assert.NotEqual(text, File.ReadAllText(path));

        var problem = Assert.Single(Problems(Doctor()));
        Assert.StartsWith($"problem: {Shown(".github/workflows/nightly.yml")}: no schedule under on:", problem);
    }

    [Fact]
    public void On_netlify_a_workflow_that_names_no_site_id_secret_is_a_problem()
    {
        Fork();
        var path = _dir[".github/workflows/nightly.yml"];
        File.WriteAllText(path, File.ReadAllText(path).Replace("          NETLIFY_SITE_ID: ${{ secrets.NETLIFY_SITE_ID }}\n", ""));

        var result = Doctor();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"problem: {Shown(".github/workflows/nightly.yml")}: names no secrets.NETLIFY_SITE_ID, which the Netlify deploy needs: give the deploy step `NETLIFY_SITE_ID: ${{{{ secrets.NETLIFY_SITE_ID }}}}` in its env"], Problems(result));
    }

    [Fact]
    public void On_github_pages_a_workflow_with_no_job_allowed_to_write_pages_is_a_problem_and_the_repositorys_own_passes()
    {
        Fork(ReadySiteYml.Replace("https://my-archive.netlify.app/", "https://papers.my-lab.org/").Replace("host: netlify", "host: github-pages"));
        Assert.Empty(Problems(Doctor()));

        var path = _dir[".github/workflows/nightly.yml"];
        File.WriteAllText(path, File.ReadAllText(path).Replace("      pages: write # to deploy to Pages\n", ""));

        var problem = Assert.Single(Problems(Doctor()));
        Assert.Contains("no job has `pages: write` permission", problem);
    }

    [Theory]
    [InlineData("name: Nightly\non:\n  schedule: [\n  - x: y\n", 4)]
    // YAML also breaks lines at U+2028: the line named is the file's, as an editor counts it.
    [InlineData("name: Nightly\u2028\u2028\u2028\non:\n  schedule: [\n  - x: y\n", 4)]
    public void A_workflow_that_is_not_yaml_is_named_with_its_line(string text, int line)
    {
        Fork();
        _dir.Write(".github/workflows/nightly.yml", text);

        var problem = Assert.Single(Problems(Doctor()));
        Assert.StartsWith($"problem: {Shown(".github/workflows/nightly.yml")}:{line}: ", problem);
        Assert.Contains("not YAML GitHub can read", problem);
    }

    [Fact]
    public void A_paper_check_would_leave_out_is_a_problem_naming_its_file_and_line()
    {
        Fork();
        _dir.Write("content/papers/2026/11/bad.md", "---\ntitle: \"A Paper\"\nslug: bad\ntrending: [2026-11-27]\ntopics: [difusion]\n---\nAn abstract.\n");

        var result = Doctor();

        Assert.Equal(1, result.ExitCode);
        var problem = Assert.Single(Problems(result));
        Assert.StartsWith($"problem: {Shown("content/papers/2026/11/bad.md")}:5: unknown topic 'difusion'", problem);
        Assert.EndsWith("`generator check` lists every problem (docs/content.md)", problem);
    }

    [Fact]
    public void Without_node_on_path_it_warns_that_search_and_math_are_off_and_the_fork_still_passes()
    {
        var empty = Directory.CreateDirectory(_dir["empty-path"]).FullName;
        var bin = Directory.CreateDirectory(_dir["bin"]).FullName;
        foreach (var tool in new[] { "node", "npm" })
        {
            var file = _dir.Write($"bin/{tool}", "#!/bin/sh\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            else File.Move(file, file + ".exe");
        }
        Fork();
        var fork = new ForkLayout(Content);

        var missing = Assert.Single(new NodeCheck(new ExecutableLookup(empty, null, OperatingSystem.IsWindows())).Run(fork));
        var present = new NodeCheck(new ExecutableLookup(bin, null, OperatingSystem.IsWindows())).Run(fork);

        Assert.Equal(FindingLevel.Warning, missing.Level);
        Assert.StartsWith("warning: Node.js (node, npm) is not on PATH: a build here makes no search index and shows formulas as TeX", missing.ToString());
        Assert.Empty(present);
    }

    [Fact]
    public void Online_it_fetches_each_source_once_and_a_source_that_answers_with_papers_passes()
    {
        Fork();
        using var server = new StubHttpServer(new Answer(200, File.ReadAllText(Path.Combine(Repo.Fixtures, "hf-html", "daily-list_2024-08-01_raw.html"))));

        var result = Doctor("--online", "--hf-base", server.BaseUrl.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var request = Assert.Single(server.Requests);
        Assert.StartsWith("GET /papers/trending ", request.RequestLine);
    }

    [Fact]
    public void Online_a_source_that_fails_is_a_problem_naming_it_after_one_try()
    {
        Fork();
        using var server = new StubHttpServer(new Answer(503, "down"));

        var result = Doctor("--online", "--hf-base", server.BaseUrl.ToString());

        Assert.Equal(1, result.ExitCode);
        var problem = Assert.Single(Problems(result));
        Assert.StartsWith("problem: source hf-trending: ", problem);
        Assert.Single(server.Requests);
    }

    private const string ArxivSiteYml = "schema_version: 2\ntitle: My Archive\nbase_url: https://my-archive.netlify.app/\nhost: netlify\nsources:\n  - hf-trending\n  - arxiv: { categories: [cs.RO], floor: 5 }\n";

    [Fact]
    public void An_arxiv_source_site_yml_cannot_read_is_a_problem_naming_its_line()
    {
        Fork(ArxivSiteYml.Replace("floor: 5", "floor: five", StringComparison.Ordinal));

        var result = Doctor();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"problem: {Shown("content/site.yml")}:7: 'floor' has 'five', which is not a whole number of 0 or more"], Problems(result));
    }

    [Fact]
    public void Online_an_arxiv_source_is_asked_once_for_its_first_page()
    {
        Fork(ArxivSiteYml);
        using var server = new StubHttpServer(
            new Answer(200, File.ReadAllText(Path.Combine(Repo.Fixtures, "hf-html", "daily-list_2024-08-01_raw.html"))),
            new Answer(200, File.ReadAllText(Path.Combine(Repo.Fixtures, "arxiv-atom", "api-query_new-format_cat-cs.CL_2026-05-11.xml")), "application/atom+xml"));

        var result = Doctor("--online", "--hf-base", server.BaseUrl.ToString(), "--arxiv-base", server.BaseUrl.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, server.Requests.Count);
        Assert.StartsWith("GET /api/query?search_query=cat%3Acs.RO&sortBy=submittedDate&sortOrder=descending&start=0&max_results=10 ", server.Requests[1].RequestLine);
        Assert.Contains("https://my-archive.netlify.app/", server.Requests[1].UserAgent);
    }

    [Fact]
    public void Online_an_arxiv_source_with_no_papers_at_all_and_a_floor_is_a_problem()
    {
        Fork(ArxivSiteYml.Replace("  - hf-trending\n", "", StringComparison.Ordinal));
        using var server = new StubHttpServer(new Answer(200, File.ReadAllText(Path.Combine(Repo.Fixtures, "arxiv-atom", "api-query_legacy-format_zero-results.xml")), "application/atom+xml"));

        var result = Doctor("--online", "--arxiv-base", server.BaseUrl.ToString());

        Assert.Equal(1, result.ExitCode);
        var problem = Assert.Single(Problems(result));
        Assert.StartsWith("problem: source arxiv cs.RO: ", problem);
        Assert.Contains("answered with no papers at all, and its floor is 5", problem);
    }

    [Fact]
    public void Offline_it_fetches_nothing()
    {
        Fork();
        using var server = new StubHttpServer(new Answer(503, "down"));

        var result = Doctor("--hf-base", server.BaseUrl.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(server.Requests);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
