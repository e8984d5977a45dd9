using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Content;

/// <summary>
/// Slips of a hand editing YAML (a bracket or quote left open or doubled, a tab, a stray '---') are
/// problems named by file and line, from <c>check</c> and <c>build</c> alike, never a crash. Some of
/// these made YamlDotNet throw an InvalidOperationException without a position, or overflow the stack.
/// </summary>
public sealed class YamlMistakeTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite().Paper("good", "A Good Paper", "[2026-11-28]");

    public void Dispose() => _site.Dispose();

    private const string Paper = "content/papers/2026/11/a.md";

    private static string PaperWith(string line) => $"---\ntitle: \"A Paper\"\nslug: a\ntrending: [2026-11-28]\n{line}\nupvotes: 3\n---\nAn abstract.\n";

    private Generator.Result Check() => Generator.Run("check", "--content", _site.Content);

    private static void AssertProblemAt(Generator.Result result, string file, int line, string message)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(result.Errors.Contains($"{file}:{line}: ") && result.Errors.Contains(message), result.ToString());
    }

    [Theory]
    // The line of the report: an unclosed list followed by more keys made YamlDotNet throw an InvalidOperationException.
    [InlineData("authors: [Ann Lee, Bob Smith", 6, "is the [ … ] opened on line 5 closed?")]
    [InlineData("authors: [Ann Lee, Bob Smith\ntopics: [other]", 6, "is the [ … ] opened on line 5 closed?")]
    [InlineData("authors: [[Ann Lee, Bob Smith]", 6, "is the [ … ] opened on line 5 closed?")]
    [InlineData("authors: [Ann Lee, Bob Smith,", 6, "is the [ … ] opened on line 5 closed?")]
    [InlineData("authors: [Ann Lee, Bob Smith]]", 5, "not valid YAML")]
    [InlineData("authors: {first: Ann Lee", 6, "is the { … } opened on line 5 closed?")]
    [InlineData("authors: [\"Ann Lee, Bob Smith]", 5, "(is the quote opened on this line closed?)")]
    [InlineData("authors:\n\t- Ann Lee", 6, "found invalid tab as indentation.\n")]
    [InlineData("authors: *someone", 5, "'*someone' refers to no anchor")]
    public void A_broken_line_of_a_paper_is_named_by_check_and_by_build(string line, int at, string message)
    {
        _site.Write(Paper, PaperWith(line));

        AssertProblemAt(Check(), "a.md", at, message);
        AssertProblemAt(_site.Build("--strict"), "a.md", at, message);
        // Without --strict the paper is left out, and the warning names the same line and rule.
        var build = _site.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains($"a.md:{at}: ", build.Errors);
        Assert.Contains(message.TrimEnd('\n', '.'), build.Errors);
        Assert.Contains("this paper is left out of the site", build.Errors);
    }

    [Fact]
    public void Nesting_deep_enough_to_overflow_the_stack_is_a_problem_not_a_dead_process()
    {
        _site.Write(Paper, PaperWith("authors: " + new string('[', 100_000)));

        AssertProblemAt(Check(), "a.md", 5, "nested more than 64 levels deep");
    }

    [Fact]
    public void A_value_that_runs_over_lines_is_quoted_on_the_one_line_of_its_problem()
    {
        _site.Write(Paper, "---\ntitle: \"A Paper\"\nslug: a\n  b\n\n  c\ntrending: [2026-11-28]\n---\n");

        var result = Check();

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Errors.TrimEnd().Split('\n'));
        Assert.Contains("a.md:3: 'slug' has 'a b\\nc'", line);
    }

    [Fact]
    public void A_second_document_in_site_yml_is_reported_not_silently_ignored()
    {
        _site.Write("content/site.yml", "title: Fixture Archive\n---\nbase_url: https://example.org/\n");

        AssertProblemAt(Check(), "site.yml", 3, "a second one starts here");
    }

    [Theory]
    [InlineData("title: Fixture Archive\nbase_url: https://example.org/\nsources: [hf-trending\npage_size: 2\n", 4, "is the [ … ] opened on line 3 closed?")]
    [InlineData("title: \"Fixture Archive\nbase_url: https://example.org/\n", 1, "is the quote opened on this line closed?")]
    [InlineData("title: Fixture Archive\n\tbase_url: https://example.org/\n", 2, "not valid YAML")]
    [InlineData("title: Fixture: Archive\n", 1, "not valid YAML")]
    // Valid YAML, but every page's footer would link to it: a slip found by the property below.
    [InlineData("title: Fixture Archive\nbase_url: https://example.org/\ncontact: someone@example:.org\n", 3, "'contact' has 'someone@example:.org'")]
    [InlineData("title: Fixture Archive\nbase_url: https://example.org/papers/\n language en\n", 2, "is the line below it indented by mistake?")]
    // YAML breaks lines at U+2028 too: the line is the file's, and the invisible character is named.
    [InlineData("title: Fixture\u2028Archive\nbase_url: https://example.org/\n", 1, "holds a U+2028, which YAML reads as a line break")]
    public void A_broken_site_yml_is_named_with_its_line(string text, int at, string message)
    {
        _site.Write("content/site.yml", text);

        AssertProblemAt(Check(), "site.yml", at, message);
        AssertProblemAt(_site.Build(), "site.yml", at, message);
    }

    [Theory]
    [InlineData("topics:\n  - slug: other\n    name: Other\n    aliases: [misc, rest\n    description: The rest.\n", 5, "is the [ … ] opened on line 4 closed?")]
    [InlineData("topics:\n  - slug: other\n    name: Other\n   description: The rest.\n", 4, "not valid YAML")]
    [InlineData("topics:\n  - slug: other\n    phrases: { \"a b\": 2\n    threshold: 1\n    name: Other\n", 4, "is the { … } opened on line 3 closed?")]
    // YAML breaks lines at U+2028 too, so its own count ran past the file's last line (found by MutatedYamlPropertyTests).
    [InlineData("topics:\n  - slug: other\n    name: Other\n\u2028description: The rest.\n", 4, "unknown key 'description'")]
    public void A_broken_topics_yml_is_named_with_its_line(string text, int at, string message)
    {
        _site.Write("content/topics.yml", text);

        AssertProblemAt(Check(), "topics.yml", at, message);
        AssertProblemAt(_site.Build(), "topics.yml", at, message);
    }
}
