using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Content;

/// <summary><c>generator check</c> finds each kind of problem a person can make, naming file and line.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public CheckCommandTests()
    {
        _dir.Write("content/topics.yml", "topics:\n  - slug: diffusion-models\n    name: Diffusion Models\n    description: Denoising.\n");
        _dir.Write("content/papers/2026/11/good.md", "---\ntitle: \"Good\"\nslug: good\ntrending: [2026-11-28]\ntopics: [diffusion-models]\n---\nFine.\n");
    }

    public void Dispose() => _dir.Dispose();

    private Generator.Result Check() => Generator.Run("check", "--content", _dir["content"]);

    [Fact]
    public void A_clean_archive_passes()
    {
        var result = Check();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 papers, 1 topics, no problems", result.Output);
    }

    [Theory]
    [InlineData("bad-yaml", "---\ntitle: \"Unclosed\nslug: bad-yaml\n---\n", 2, "not valid YAML")]
    [InlineData("bad-date", "---\ntitle: \"T\"\nslug: bad-date\ntrending: [2026-11-28, 2026-13-45]\n---\n", 4, "2026-13-45")]
    [InlineData("bad-published", "---\ntitle: \"T\"\nslug: bad-published\npublished: yesterday\ntrending: [2026-11-28]\n---\n", 4, "YYYY-MM-DD")]
    [InlineData("unknown-key", "---\ntitle: \"T\"\nslug: unknown-key\ntrending: [2026-11-28]\ncolour: red\n---\n", 5, "unknown key 'colour'")]
    [InlineData("unknown-topic", "---\ntitle: \"T\"\nslug: unknown-topic\ntrending: [2026-11-28]\ntopics: [diffusion-modles]\n---\n", 5, "unknown topic 'diffusion-modles'")]
    [InlineData("bad-slug", "---\ntitle: \"T\"\nslug: Bad Slug!\ntrending: [2026-11-28]\n---\n", 3, "'slug' has 'Bad Slug!'")]
    [InlineData("no-title", "---\nslug: no-title\ntrending: [2026-11-28]\n---\n", 1, "missing 'title'")]
    [InlineData("no-front-matter", "Just text.\n", 1, "expected front matter")]
    [InlineData("bad-upvotes", "---\ntitle: \"T\"\nslug: bad-upvotes\ntrending: [2026-11-28]\nupvotes: -4\n---\n", 5, "'upvotes'")]
    [InlineData("bad-link", "---\ntitle: \"T\"\nslug: bad-link\ntrending: [2026-11-28]\nlinks: { code: \"javascript:alert(1)\" }\n---\n", 5, "only absolute http(s) URLs")]
    [InlineData("wrong-name", "---\ntitle: \"T\"\nslug: other-name\ntrending: [2026-11-28]\n---\n", 3, "does not match the file name")]
    public void Each_kind_of_problem_is_reported_with_file_and_line(string name, string text, int line, string message)
    {
        _dir.Write($"content/papers/2026/11/{name}.md", text);

        var result = Check();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{name}.md:{line}: ", result.Errors);
        Assert.Contains(message, result.Errors);
    }

    [Fact]
    public void Duplicate_slugs_are_reported_naming_both_files()
    {
        _dir.Write("content/papers/2026/12/good.md", "---\ntitle: \"Good again\"\nslug: good\ntrending: [2026-12-01]\n---\n");

        var result = Check();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("slug 'good' is already used by", result.Errors);
        Assert.Contains("2026/11/good.md", result.Errors);
        Assert.Contains("2026/12/good.md:3", result.Errors);
    }

    [Fact]
    public void Every_problem_is_listed_not_just_the_first()
    {
        _dir.Write("content/papers/2026/11/a.md", "---\ntitle: \"A\"\nslug: a\ntrending: [someday]\n---\n");
        _dir.Write("content/papers/2026/11/b.md", "---\ntitle: \"B\"\nslug: b\ntrending: [2026-11-28]\ntopics: [nope]\n---\n");

        var errors = Check().Errors;

        Assert.Contains("a.md:4", errors);
        Assert.Contains("b.md:5", errors);
    }
}
