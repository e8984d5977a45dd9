using System.Diagnostics;
using System.Globalization;
using System.Text;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Content;

/// <summary>
/// YAML that costs far more to read than it takes to write is refused, naming file and line, in
/// seconds: an alias bomb (a few hundred bytes standing for billions of values) used as a mapping key
/// kept <c>check</c> busy for minutes; an alias inside its own anchor, used as a key, overflowed the
/// stack; 50,000 nested '[' overflowed it too. Run as a process of its own, so that a stack overflow
/// fails the test instead of ending the test run.
/// </summary>
public sealed class YamlLimitTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite().Paper("good", "A Good Paper", "[2026-11-28]");

    public void Dispose() => _site.Dispose();

    private const string Paper = "content/papers/2026/11/a.md";

    /// <summary>
    /// Anchors each listing the one before nine times, the last used as a mapping key: 9^<paramref name="levels"/>
    /// values written out. With 10 levels (395 bytes) YamlDotNet took 18 s, about eight times more per level.
    /// </summary>
    private static string AliasBomb(int levels, string keyPrefix = "x")
    {
        var text = new StringBuilder($"{keyPrefix}a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level < levels; level++)
        {
            var (name, before) = ((char)('a' + level), (char)('a' + level - 1));
            text.Append(CultureInfo.InvariantCulture, $"{keyPrefix}{name}: &{name} [{string.Join(", ", Enumerable.Repeat($"*{before}", 9))}]\n");
        }
        return text.Append(CultureInfo.InvariantCulture, $"? *{(char)('a' + levels - 1)}\n: v\n").ToString();
    }

    /// <summary>How long the generator takes to start and do nothing, measured once: what a timed run may spend besides its work.</summary>
    private static readonly Lazy<TimeSpan> StartUp = new(() =>
    {
        var clock = Stopwatch.StartNew();
        GeneratorProcess.Run(null, "--version");
        return clock.Elapsed;
    });

    /// <summary>
    /// The generator in a process of its own; fails the test if its work takes 30 seconds or more. A
    /// guard against a hang, not a speed test: the 12-level bombs below would take YamlDotNet hours
    /// (8 times more per level than 10 levels' 18 s), and refusing them takes well under a second; 5 s
    /// failed on two shared cores at a load average of 17.
    /// </summary>
    private static Generator.Result RunTimed(params string[] args)
    {
        var startUp = StartUp.Value;
        var clock = Stopwatch.StartNew();
        var result = GeneratorProcess.Run(null, args);
        Assert.True(clock.Elapsed - startUp < TimeSpan.FromSeconds(30), $"took {clock.Elapsed.TotalSeconds:0.0} s (start-up {startUp.TotalSeconds:0.0} s)\n{result}");
        return result;
    }

    private static void AssertProblemAt(Generator.Result result, string file, int line, string message)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(result.Errors.Contains($"{file}:{line}: ") && result.Errors.Contains(message), result.ToString());
    }

    [Fact]
    public void An_alias_bomb_in_a_paper_is_refused_at_once_as_a_paper_takes_no_alias()
    {
        _site.Write(Paper, "---\ntitle: \"A Paper\"\nslug: a\ntrending: [2026-11-28]\n" + AliasBomb(12) + "---\nAn abstract.\n");

        var check = RunTimed("check", "--content", _site.Content);
        AssertProblemAt(check, "a.md", 6, "'*a' is an alias, which a paper's front matter does not take");

        var build = RunTimed("build", "--content", _site.Content, "--output", _site.Output, "--themes", _site.Themes, "--no-search");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("a.md:6: front matter: '*a' is an alias", build.Errors);
        Assert.Contains("this paper is left out of the site", build.Errors);
    }

    [Theory]
    [InlineData("site.yml", "title: Fixture Archive\nbase_url: https://example.org/\n", 8)]
    [InlineData("topics.yml", FixtureSite.DefaultTopics + "\n", 17)]
    public void An_alias_bomb_in_site_or_topics_yml_is_refused_within_seconds(string file, string before, int line)
    {
        // Unknown keys, but the bomb goes off while the text is read, before any key is looked at.
        _site.Write("content/" + file, before + AliasBomb(12));

        var check = RunTimed("check", "--content", _site.Content);
        AssertProblemAt(check, file, line, "with its aliases written out, this text has more than 100,000 values, lists and mappings ('*e' passes that)");
        var build = RunTimed("build", "--content", _site.Content, "--output", _site.Output, "--themes", _site.Themes, "--no-search");
        AssertProblemAt(build, file, line, "more than 100,000 values");
    }

    [Fact]
    public void An_alias_inside_its_own_anchor_is_refused_not_an_endless_hash()
    {
        // As a key, YamlDotNet hashed it for ever, until the stack overflowed and took the process with it.
        _site.Write("content/site.yml", "title: Fixture Archive\nbase_url: https://example.org/\n? &a [x, *a]\n: v\n");

        var check = RunTimed("check", "--content", _site.Content);

        AssertProblemAt(check, "site.yml", 3, "'*a' is inside the very value '&a' it stands for");
    }

    [Fact]
    public void Aliases_a_person_uses_to_share_a_list_in_topics_yml_still_work()
    {
        _site.Write("content/topics.yml", """
            fallback: other
            topics:
              - slug: diffusion-models
                name: Diffusion Models
                description: Denoising diffusion.
                phrases: &generative { "diffusion model": 3, "score-based": 2 }
                threshold: 2
              - slug: image-generation
                name: Image Generation
                description: Making pictures.
                phrases: *generative
                threshold: 3
              - slug: other
                name: Other
                description: The rest.
            """);

        var check = Generator.Run("check", "--content", _site.Content);

        Assert.True(check.ExitCode == 0, check.ToString());
    }

    [Fact]
    public void More_aliases_than_a_settings_file_needs_are_refused()
    {
        var aliases = string.Concat(Enumerable.Range(0, 101).Select(i => $"k{i}: *x\n"));
        _site.Write("content/site.yml", "title: Fixture Archive\nbase_url: https://example.org/\nx: &x 1\n" + aliases);

        var check = Generator.Run("check", "--content", _site.Content);

        AssertProblemAt(check, "site.yml", 104, "more than 100 aliases");
    }

    [Fact]
    public void An_alias_that_would_nest_past_the_depth_limit_once_written_out_is_refused()
    {
        // Each part nests 40 deep, well within the limit; the alias puts one inside the other: 80.
        var deep = new string('[', 40) + new string(']', 40);
        _site.Write("content/site.yml", $"title: Fixture Archive\nbase_url: https://example.org/\nx: &x {deep}\ny: {new string('[', 40)}*x{new string(']', 40)}\n");

        var check = Generator.Run("check", "--content", _site.Content);

        AssertProblemAt(check, "site.yml", 4, "nested more than 64 levels deep once '*x' is written out");
    }

    [Fact]
    public void Fifty_thousand_nested_brackets_in_a_paper_are_a_problem_for_check_and_build_not_a_stack_overflow()
    {
        // The line goes to the fast reader first (SimpleFrontMatter), which gives it up, then to YamlDotNet.
        _site.Write(Paper, $"---\ntitle: \"A Paper\"\nslug: a\ntrending: [2026-11-28]\nauthors: {new string('[', 50_000)}\n---\nAn abstract.\n");

        AssertProblemAt(RunTimed("check", "--content", _site.Content), "a.md", 5, "nested more than 64 levels deep");
        var build = RunTimed("build", "--content", _site.Content, "--output", _site.Output, "--themes", _site.Themes, "--no-search");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("a.md:5: front matter: lists and mappings are nested more than 64 levels deep; this paper is left out of the site", build.Errors);
        AssertProblemAt(RunTimed("build", "--content", _site.Content, "--output", _site.Output, "--themes", _site.Themes, "--no-search", "--strict"),
            "a.md", 5, "nested more than 64 levels deep");
    }

    [Fact]
    public void Fifty_thousand_nested_brackets_in_an_abstract_leave_the_paper_out_instead_of_failing_the_build()
    {
        // Markdig refuses past 128 levels by throwing: check passed, and the build failed whole on the first page showing it.
        _site.Write(Paper, $"---\ntitle: \"A Paper\"\nslug: a\ntrending: [2026-11-28]\n---\n\n{new string('[', 50_000)}\n");

        AssertProblemAt(RunTimed("check", "--content", _site.Content), "a.md", 7, "the abstract cannot be shown: its brackets, quotes or lists nest more than 128 levels deep");
        var build = RunTimed("build", "--content", _site.Content, "--output", _site.Output, "--themes", _site.Themes, "--no-search");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("a.md:7: the abstract cannot be shown", build.Errors);
        Assert.True(_site.Exists("papers/good/index.html"));
        Assert.False(_site.Exists("papers/a/index.html"));
    }

    [Fact]
    public void An_abstract_with_many_marks_that_nests_little_is_shown()
    {
        // 300 list items, links and dashes side by side: many of the characters that can nest, little nesting.
        var body = string.Concat(Enumerable.Range(0, 300).Select(i => $"- item {i} -- see [note {i}](https://example.com/{i}).\n"));
        _site.Write(Paper, $"---\ntitle: \"A Paper\"\nslug: a\ntrending: [2026-11-28]\n---\n{body}");

        var check = Generator.Run("check", "--content", _site.Content);
        Assert.True(check.ExitCode == 0, check.ToString());
        _site.BuildOk();
        Assert.Equal(300, _site.Html("papers/a/index.html").QuerySelectorAll("section.abstract li").Length);
    }
}
