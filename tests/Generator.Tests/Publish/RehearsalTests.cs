using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PaperTrail.Content;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Publish;

/// <summary>
/// The nightly job rehearsed offline (scripts/nightly.sh --offline): the same steps, a fixture
/// served on loopback instead of the web, a temporary remote instead of GitHub. The job works on a
/// copy of this repository's archive as it is today (the nightly grows it, a fork replaces it), so
/// what ingest should do is asked of ingest itself, by a dry run against that archive.
/// </summary>
public sealed class RehearsalTests : IDisposable
{
    private readonly TempDir _work = new();
    private static readonly string Day = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose() => _work.Dispose();

    /// <param name="setup">A bash script run in the copy before the job (NIGHTLY_REHEARSAL_SETUP), its changes committed there.</param>
    /// <param name="underGitHubActions">Run as GitHub Actions runs it (GITHUB_ACTIONS=true): groups and annotations.</param>
    /// <param name="day">The night's day (NIGHTLY_DATE), today by default.</param>
    private (int Exit, string Output) Rehearse(string fixture, string? setup = null, bool underGitHubActions = false, string? day = null)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Repo.Root, "scripts", "nightly.sh"));
        start.ArgumentList.Add("--offline");
        start.ArgumentList.Add(fixture);
        start.Environment["GENERATOR"] = GeneratorProcess.Dll;
        start.Environment["NIGHTLY_DATE"] = day ?? Day;
        start.Environment["NIGHTLY_WORKDIR"] = _work.Path;
        start.Environment.Remove("GITHUB_ACTIONS");
        if (underGitHubActions) start.Environment["GITHUB_ACTIONS"] = "true";
        if (setup is not null) start.Environment["NIGHTLY_REHEARSAL_SETUP"] = setup;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3))) { process.Kill(true); throw new TimeoutException("rehearsal hung"); }
        return (process.ExitCode, output.Result + errors.Result);
    }

    private string Git(params string[] args) => GitIn(_work["repo"], args);

    private static string GitIn(string dir, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = dir };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text.Trim();
    }

    [PosixFact("bash, python3 and scripts/nightly.sh")]
    public void A_good_fixture_is_ingested_committed_pushed_built_and_ready_to_deploy()
    {
        var fixture = Path.Combine(Repo.Fixtures, "hf-html", "daily-list_2024-08-01_raw.html");
        var expected = ExpectedCounts(fixture);

        var (exit, output) = Rehearse(fixture);

        Assert.True(exit == 0, output);
        // GENERATOR names a built generator.dll: the job runs it as it is and publishes none of its own.
        Assert.DoesNotContain("publish the generator", output);
        Assert.DoesNotContain("generator: ", output);
        Assert.Contains("ingest: " + expected, output);
        Assert.Contains("would deploy output/", output);
        // The workflow's log says where the build's time went: a line per stage, with its time (issue 34).
        foreach (var stage in new[] { "scan inputs", "load", "node tools", "model (topics)", "plan, related papers", "render, check links, stage", "commit", "search index" })
            Assert.Matches($@"(?m)^{Regex.Escape(stage)}: \d+\.\d s", output);
        if (expected.StartsWith("0 new, 0 updated", StringComparison.Ordinal))
            Assert.Equal(GitIn(Repo.Root, "rev-parse", "HEAD"), Git("rev-parse", "origin/HEAD")); // nothing new: nothing committed
        else
            Assert.Equal($"nightly {Day}: {expected}", Git("log", "-1", "--format=%s", "origin/HEAD"));
        Assert.True(File.Exists(Path.Combine(_work["repo"], "output", "papers", "the-llama-3-herd-of-models", "index.html")));
    }

    [PosixTheory("bash, python3 and scripts/nightly.sh")]
    [InlineData("empty.html", "")]
    [InlineData("broken.html", "<!DOCTYPE html><html><body><p>We changed everything</p></body></html>")]
    [InlineData("rate-limited.html", "<!DOCTYPE html><html><head><title>429 Too Many Requests</title></head><body><main><h1>429</h1><p>We had to rate limit you.</p></main></body></html>")]
    public void A_broken_or_empty_fixture_fails_the_job_and_commits_nothing(string name, string text)
    {
        using var fixtures = new TempDir();
        var (exit, output) = Rehearse(fixtures.Write(name, text));

        Assert.NotEqual(0, exit);
        Assert.Contains("page structure changed", output);
        Assert.DoesNotContain("would deploy", output);
        Assert.Equal(GitIn(Repo.Root, "rev-parse", "HEAD"), Git("rev-parse", "origin/HEAD"));
        Assert.Equal("", Git("status", "--porcelain"));
        Assert.False(Directory.Exists(Path.Combine(_work["repo"], "output")));
    }

    /// <summary>
    /// A scraped link into the site's own host, to a page the site does not have, used to pass ingest
    /// and check, be committed, and then fail the build's link check that night and every night after.
    /// </summary>
    [PosixFact("bash, python3 and scripts/nightly.sh")]
    public void A_captured_day_with_a_link_to_a_missing_page_of_the_site_publishes_every_paper_without_the_link_and_says_so()
    {
        var problems = new List<ContentProblem>();
        var siteYml = Path.Combine(Repo.Root, "content", "site.yml");
        var baseUrl = SiteConfigReader.Read(siteYml, File.ReadAllText(siteYml), problems).BaseUrl;
        Assert.Empty(problems);
        var missing = new Uri(baseUrl, "no-such-page/").AbsoluteUri;
        var day = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Corpus, "2026-07-17.json")))!.AsArray();
        var linked = day[3]!["paper"]!;
        linked["projectPage"] = missing;
        var linkedId = (string)linked["id"]!;
        var ids = day.Select(item => (string)item!["paper"]!["id"]!).ToList();
        using var fixtures = new TempDir();
        var fixture = fixtures.Write("daily_papers.json", day.ToJsonString());
        var expected = ExpectedCounts(fixture);
        Assert.EndsWith(", 1 link dropped", expected);

        var (exit, output) = Rehearse(fixture);

        Assert.True(exit == 0, output);
        Assert.Equal($"nightly {Day}: {expected}", Git("log", "-1", "--format=%s", "origin/HEAD"));
        var summary = output[output.LastIndexOf("nightly offline run for", StringComparison.Ordinal)..];
        Assert.Contains($"done: {expected}", summary);
        Assert.Contains($"ingest: dropped link {missing} from \"", summary);
        var content = Path.Combine(_work["repo"], "content");
        var files = ArchiveLoader.LoadPapers(content, problems).Where(f => f.Paper.Arxiv is { } id && ids.Contains(id)).ToList();
        Assert.Empty(problems);
        Assert.Equal(ids.Order(), files.Select(f => f.Paper.Arxiv!).Order());
        foreach (var file in files)
            Assert.True(File.Exists(Path.Combine(_work["repo"], "output", "papers", file.Paper.Slug, "index.html")), file.Paper.Slug);
        var linkedFile = files.Single(f => f.Paper.Arxiv == linkedId);
        Assert.DoesNotContain("no-such-page", File.ReadAllText(Path.Combine(content, linkedFile.RelativePath)));
        Assert.DoesNotContain("no-such-page", File.ReadAllText(Path.Combine(_work["repo"], "output", "papers", linkedFile.Paper.Slug, "index.html")));
    }

    [PosixFact("bash, python3 and scripts/nightly.sh")]
    public void A_paper_that_breaks_a_rule_is_left_out_the_rest_published_and_the_summary_and_an_annotation_name_it()
    {
        var fixture = Path.Combine(Repo.Fixtures, "hf-html", "daily-list_2024-08-01_raw.html");
        using var scripts = new TempDir();
        // Hand-edited into content/ and committed: a topic topics.yml lacks, a link to no page of the site's
        // own host, and a list left open (a file no reader can read, which ingest must not stop at either).
        var setup = scripts.Write("hand-edit.sh", """
            mkdir -p content/papers/2026/11
            printf -- '---\ntitle: "A Paper Edited By Hand"\nslug: a-paper-edited-by-hand\ntrending: [2026-11-20]\ntopics: [no-such-topic]\n---\nAn abstract.\n' \
              > content/papers/2026/11/a-paper-edited-by-hand.md
            base="$(sed -n 's/^base_url: *//p' content/site.yml)"
            printf -- '---\ntitle: "A Paper Linking Nowhere"\nslug: a-paper-linking-nowhere\ntrending: [2026-11-20]\nlinks:\n  project: "%sno-such-page/"\n---\nAn abstract.\n' "$base" \
              > content/papers/2026/11/a-paper-linking-nowhere.md
            printf -- '---\ntitle: "A Paper Broken By Hand"\nslug: a-paper-broken-by-hand\nauthors: [Ann Lee, Bob Smith\ntrending: [2026-11-20]\n---\nAn abstract.\n' \
              > content/papers/2026/11/a-paper-broken-by-hand.md
            """);

        var (exit, output) = Rehearse(fixture, setup, underGitHubActions: true);

        Assert.True(exit == 0, output);
        Assert.Contains("would deploy output/", output);
        Assert.True(File.Exists(Path.Combine(_work["repo"], "output", "papers", "the-llama-3-herd-of-models", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(_work["repo"], "output", "papers", "a-paper-edited-by-hand")));
        Assert.False(Directory.Exists(Path.Combine(_work["repo"], "output", "papers", "a-paper-linking-nowhere")));
        Assert.False(Directory.Exists(Path.Combine(_work["repo"], "output", "papers", "a-paper-broken-by-hand")));
        // The summary, after the job's last line, names each paper with file, line and rule.
        var summary = output[output.IndexOf($"nightly offline run for {Day} done", StringComparison.Ordinal)..];
        Assert.Contains("3 of them a paper left out of the site", summary);
        Assert.Contains("  warning: content/papers/2026/11/a-paper-edited-by-hand.md:5: unknown topic 'no-such-topic'", summary);
        Assert.Contains("  warning: content/papers/2026/11/a-paper-linking-nowhere.md:6: 'links.project' links to ", summary);
        Assert.Contains("  warning: content/papers/2026/11/a-paper-broken-by-hand.md:5: front matter is not valid YAML", summary);
        // One annotation per paper, on its file (relative to the repository's root) and line.
        var annotations = output.Split('\n').Where(l => l.StartsWith("::warning ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, annotations.Count);
        Assert.StartsWith("::warning file=content/papers/2026/11/a-paper-broken-by-hand.md,line=5::front matter is not valid YAML", annotations[0]);
        Assert.StartsWith("::warning file=content/papers/2026/11/a-paper-edited-by-hand.md,line=5::unknown topic 'no-such-topic'", annotations[1]);
        Assert.StartsWith("::warning file=content/papers/2026/11/a-paper-linking-nowhere.md,line=6::'links.project' links to ", annotations[2]);
        Assert.All(annotations, a => Assert.EndsWith("this paper is left out of the site", a.TrimEnd()));
    }

    /// <summary>A fork fed by an arXiv category (site.yml's sources), as the setup writes it, on GitHub Pages or not.</summary>
    private static string ArxivFork(TempDir scripts, string source, string? host = null) => scripts.Write("arxiv-fork.sh", $"""
        sed -i '/^sources:/d' content/site.yml
        printf 'sources:\n  - {source}\n' >> content/site.yml
        {(host is null ? "" : $"sed -i 's/^host: .*/host: {host}/' content/site.yml")}
        """);

    [PosixFact("bash, python3 and scripts/nightly.sh")]
    public void An_arxiv_category_answer_is_ingested_on_its_announcement_day_committed_and_built()
    {
        var fixture = Path.Combine(Repo.Fixtures, "arxiv-atom", "api-query_legacy-format_cat-cs.RO_2025-10-17.xml");
        const string day = "2025-10-17"; // a Friday: Thursday evening's announcement, which holds the answer's two papers
        var expected = ExpectedCounts(fixture, day);
        Assert.StartsWith("2 new, ", expected);
        using var scripts = new TempDir();

        var (exit, output) = Rehearse(fixture, ArxivFork(scripts, "arxiv: { categories: [cs.RO], floor: 2 }"), day: day);

        Assert.True(exit == 0, output);
        Assert.Contains("ingest: arxiv cs.RO: 2 papers announced 2025-10-17", output);
        Assert.Equal($"nightly {day}: {expected}", Git("log", "-1", "--format=%s", "origin/HEAD"));
        Assert.Contains("would deploy output/ (", output);
        Assert.Contains(") to Netlify", output);
        Assert.True(File.Exists(Path.Combine(_work["repo"], "output", "papers", "rdd-retrieval-based-demonstration-decomposer-for-planner-alignment-in-long", "index.html")));
        var paper = File.ReadAllText(Path.Combine(_work["repo"], "content", "papers", "2025", "10", "rdd-retrieval-based-demonstration-decomposer-for-planner-alignment-in-long.md"));
        Assert.Contains("trending: [2025-10-17]", paper);
    }

    /// <summary>arXiv announces nothing dated a Saturday: the night is empty, not failed, and nothing is asked of arXiv.</summary>
    [PosixFact("bash, python3 and scripts/nightly.sh")]
    public void An_arxiv_source_on_a_weekend_is_an_empty_night_exit_0_nothing_committed_and_a_line_says_why()
    {
        var fixture = Path.Combine(Repo.Fixtures, "arxiv-atom", "api-query_legacy-format_zero-results.xml");
        using var scripts = new TempDir();

        var (exit, output) = Rehearse(fixture, ArxivFork(scripts, "arxiv: { categories: [cs.RO], floor: 5 }", host: "github-pages"), day: "2025-10-18");

        Assert.True(exit == 0, output);
        Assert.Contains("ingest: arxiv cs.RO: no arXiv announcement is dated Saturday 2025-10-18 (arXiv announces nothing on Friday and Saturday evenings, US Eastern time): an empty night, nothing to add", output);
        Assert.Contains("no change to commit (0 new, 0 updated, 0 unchanged, 0 skipped)", output);
        Assert.StartsWith("rehearsal setup: ", Git("log", "-1", "--format=%s", "origin/HEAD")); // nothing after the setup
        Assert.Equal("", Git("status", "--porcelain"));
        Assert.DoesNotContain("GET /api/query", File.ReadAllText(_work["http.log"]));
        // The dry run names the host site.yml chose, not Netlify.
        Assert.Contains(") to GitHub Pages (the nightly workflow's deploy job publishes it)", output);
        Assert.DoesNotContain("to Netlify", output);
    }

    [PosixFact("bash and scripts/nightly.sh")]
    public void The_rehearsal_setup_is_refused_outside_a_rehearsal()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Repo.Root, "scripts", "nightly.sh"));
        start.Environment["GENERATOR"] = GeneratorProcess.Dll;
        start.Environment["NIGHTLY_REHEARSAL_SETUP"] = "/bin/true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("NIGHTLY_REHEARSAL_SETUP is for rehearsals only", errors);
        Assert.DoesNotContain("ingest", output.Result);
    }

    /// <summary>What ingesting the fixture into this repository's archive would do ("13 new, 0 updated, …").</summary>
    private static string ExpectedCounts(string fixture, string? day = null)
    {
        var dry = Generator.Run("ingest", fixture, "--content", Path.Combine(Repo.Root, "content"), "--date", day ?? Day, "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        const string prefix = "dry run, nothing written: ";
        var line = dry.Output.Split('\n').Last(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line[prefix.Length..].Trim();
    }
}
