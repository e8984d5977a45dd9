using System.Globalization;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperTrail.Errors;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Content;

/// <summary>
/// Whatever a slip of the hand does to a valid file of the archive (cut it short, drop or double a
/// bracket or quote, put in a tab, a stray colon or a '---', lose or repeat a line), <c>check</c> and
/// <c>build</c> answer with problems that name a file (and a line where there is one), never a crash.
/// They run as a user runs them, through the command line's mapping of failures to exit codes.
/// </summary>
public sealed class MutatedYamlPropertyTests : IDisposable
{
    private const string Paper = """
        ---
        title: "Denoising Diffusion: A Study"
        slug: a
        arxiv: "2303.08797"
        authors: [Ann Lee, "Bob Smith, Jr."]
        published: 2026-11-20
        trending: [2026-11-28, 2026-11-29]
        topics: [diffusion-models]
        links:
          code: "https://github.com/x/y"
          project: "https://project.example.net/p"
        upvotes: 42
        comments: 3
        categories: [cs.LG, stat.ML]
        aliases: [old-a]
        ---
        We study denoising diffusion models.
        """;

    // Hand-written shapes too, which the fast reader leaves to YamlDotNet: block lists, comments, single quotes.
    private const string HandEditedPaper = """
        ---
        # edited by hand
        title: 'A Hand-Edited Paper'
        slug: a
        authors:
          - Ann Lee
          - Bob Smith
        trending:
          - 2026-11-28
        topics: [diffusion-models, other]
        links: { code: "https://github.com/x/y" }
        hidden: false
        ---
        An abstract.
        """;

    private const string SiteYml = """
        # The one configuration file.
        schema_version: 1
        title: "Fixture: Archive"
        description: A test archive.
        base_url: https://example.org/papers/
        language: en
        author: Tester
        theme: default
        page_size: 2
        feed_size: 3
        sources: [hf-trending, hf-daily]
        contact: someone@example.org
        """;

    private const string TopicsYml = """
        fallback: other
        classifier:
          title_weight: 3
          max_topics: 2
        topics:
          - slug: diffusion-models
            name: "Diffusion Models"
            description: Denoising diffusion and score-based models.
            aliases: [diffusion]
            threshold: 2
            phrases: { "diffusion model": 3, "denois*": 1.5 }
            against: { "diffusion tensor": 2 }
          - slug: other
            name: Other
            description: 'Papers no other topic describes.'
        """;

    private readonly TempDir _dir = new();
    private string Content => _dir["content"];
    private static readonly string Themes = Path.Combine(Repo.Root, "themes");

    public MutatedYamlPropertyTests() => Restore();

    public void Dispose() => _dir.Dispose();

    private void Restore()
    {
        _dir.Write("content/site.yml", SiteYml);
        _dir.Write("content/topics.yml", TopicsYml);
        _dir.Write("content/papers/2026/11/a.md", Paper);
    }

    /// <summary>One slip: what it does, and two numbers that say where (taken modulo what there is).</summary>
    public sealed record Slip(SlipKind Kind, int Where, int What)
    {
        public override string ToString() => $"{Kind}@{Where}/{What}";
    }

    public enum SlipKind { CutShort, DeleteChar, DoubleMark, DropMark, InsertMark, TabIndent, StrayColon, RepeatLine, DropLine, InsertSeparator, DropSeparator, RepeatSeparator, Indent, Outdent }

    /// <summary>What a person types by mistake, or what an editor leaves behind.</summary>
    private static readonly string[] Marks =
        ["[", "]", "{", "}", "\"", "'", ":", ": ", ",", "#", "&", "*", "!", "|", ">", "-", "- ", "?", "%", "@", "`", "\t", "\n", "\\", "\0", "\uFEFF", "\u00A0", "\u2028", "é", "---", "...", "\"\"\"", "[]", "{}", "&a ", "*a"];

    private const string Structural = "[]{}\"',:-";

    public static string Apply(string text, Slip slip)
    {
        var lines = text.Split('\n').ToList();
        switch (slip.Kind)
        {
            case SlipKind.CutShort: return text[..(slip.Where % (text.Length + 1))];
            case SlipKind.DeleteChar: return text.Length == 0 ? text : text.Remove(slip.Where % text.Length, 1);
            case SlipKind.DoubleMark or SlipKind.DropMark:
                var marks = Enumerable.Range(0, text.Length).Where(i => Structural.Contains(text[i])).ToList();
                if (marks.Count == 0) return text;
                var at = marks[slip.Where % marks.Count];
                return slip.Kind == SlipKind.DoubleMark ? text.Insert(at, text[at].ToString()) : text.Remove(at, 1);
            case SlipKind.InsertMark: return text.Insert(slip.Where % (text.Length + 1), Marks[slip.What % Marks.Length]);
            case SlipKind.StrayColon: return text.Insert(slip.Where % (text.Length + 1), slip.What % 2 == 0 ? ":" : ": ");
            case SlipKind.TabIndent:
                var indented = Enumerable.Range(0, lines.Count).Where(i => lines[i].StartsWith(' ')).ToList();
                var line = indented.Count > 0 ? indented[slip.Where % indented.Count] : slip.Where % lines.Count;
                lines[line] = "\t" + lines[line].TrimStart(' ');
                break;
            case SlipKind.RepeatLine: lines.Insert(slip.Where % lines.Count, lines[slip.Where % lines.Count]); break;
            case SlipKind.DropLine: lines.RemoveAt(slip.Where % lines.Count); break;
            case SlipKind.InsertSeparator: lines.Insert(slip.Where % (lines.Count + 1), slip.What % 3 == 0 ? "--- x: y" : "---"); break;
            case SlipKind.DropSeparator or SlipKind.RepeatSeparator:
                var separators = Enumerable.Range(0, lines.Count).Where(i => lines[i] == "---").ToList();
                if (separators.Count == 0) return text;
                var separator = separators[slip.Where % separators.Count];
                if (slip.Kind == SlipKind.DropSeparator) lines.RemoveAt(separator);
                else lines.Insert(separator, "---");
                break;
            case SlipKind.Indent: lines[slip.Where % lines.Count] = new string(' ', 1 + slip.What % 4) + lines[slip.Where % lines.Count]; break;
            case SlipKind.Outdent:
                var outdent = slip.Where % lines.Count;
                lines[outdent] = lines[outdent].TrimStart(' ', '\t');
                break;
        }
        return string.Join('\n', lines);
    }

    /// <summary>One to three slips in one file, and whether to build as well as check (a build does more, so a sixth of the cases).</summary>
    public sealed record Edit(IReadOnlyList<Slip> Slips, bool Build)
    {
        public override string ToString() => $"{string.Join(", ", Slips)}{(Build ? " (and build)" : "")}";
    }

    public static class Edits
    {
        public static Arbitrary<Edit> Generated() =>
            (from slips in (from kind in Gen.Elements(Enum.GetValues<SlipKind>())
                            from at in Gen.Choose(0, 100_000)
                            from what in Gen.Choose(0, 1000)
                            select new Slip(kind, at, what)).ListOf().Where(l => l.Count is >= 1 and <= 3)
             from build in Gen.Choose(0, 5).Select(n => n == 0)
             select new Edit(slips.ToArray(), build)).ToArbitrary();
    }

    // A problem names a path and, where it has one, a line: "error: <path>:<line>: <message>" or "error: <path>: <message>".
    private static readonly Regex Located = new(@"^error: (?<path>[^:\n]+?)(:(?<line>\d+))?: \S", RegexOptions.CultureInvariant);

    private static void AssertAnsweredWithoutCrash(string relative, string text, Generator.Result result, string command)
    {
        var context = $"{command} of {relative}:\n{text}\n---- {result}";
        Assert.True(result.ExitCode is ExitCodes.Ok or ExitCodes.InputError, context);
        if (result.ExitCode == ExitCodes.Ok) return;
        var lines = result.Errors.TrimEnd().Split('\n');
        Assert.True(lines.Length > 0, context);
        foreach (var line in lines)
        {
            var match = Located.Match(line);
            Assert.True(match.Success, $"not located: '{line}'\n{context}");
            var path = match.Groups["path"].Value;
            // A theme that is not there is named by the folder site.yml made the build look for.
            var missingTheme = line.Contains("not found: create the folder or fix 'theme' in site.yml", StringComparison.Ordinal);
            Assert.True(File.Exists(path) || (missingTheme && Directory.Exists(Path.GetDirectoryName(path))), $"no such file: '{path}'\n{context}");
            if (line.Contains("is not valid YAML", StringComparison.Ordinal))
                Assert.True(match.Groups["line"].Success, $"a syntax fault without its line: '{line}'\n{context}");
            if (match.Groups["line"].Success && File.Exists(path))
                Assert.InRange(int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture), 1, File.ReadAllText(path).Split('\n').Length);
        }
    }

    private bool Survives(string relative, string valid, Edit edit)
    {
        Restore();
        var text = edit.Slips.Aggregate(valid, Apply);
        _dir.Write(relative, text);
        AssertAnsweredWithoutCrash(relative, text, Generator.Run("check", "--content", Content), "check");
        if (edit.Build)
            AssertAnsweredWithoutCrash(relative, text,
                Generator.Run("build", "--content", Content, "--output", _dir["output"], "--themes", Themes, "--no-search"), "build");
        return true;
    }

    [Property(Arbitrary = [typeof(Edits)], MaxTest = 300)]
    public bool A_paper_file_with_any_slip_gets_located_problems_not_a_crash(Edit edit) =>
        Survives("content/papers/2026/11/a.md", Paper, edit);

    [Property(Arbitrary = [typeof(Edits)], MaxTest = 300)]
    public bool A_hand_edited_paper_file_with_any_slip_gets_located_problems_not_a_crash(Edit edit) =>
        Survives("content/papers/2026/11/a.md", HandEditedPaper, edit);

    [Property(Arbitrary = [typeof(Edits)], MaxTest = 300)]
    public bool A_site_yml_with_any_slip_gets_located_problems_not_a_crash(Edit edit) =>
        Survives("content/site.yml", SiteYml, edit);

    [Property(Arbitrary = [typeof(Edits)], MaxTest = 300)]
    public bool A_topics_yml_with_any_slip_gets_located_problems_not_a_crash(Edit edit) =>
        Survives("content/topics.yml", TopicsYml, edit);

    [Fact]
    public void The_files_the_slips_start_from_are_valid()
    {
        foreach (var (relative, text) in new[] { ("content/papers/2026/11/a.md", Paper), ("content/papers/2026/11/a.md", HandEditedPaper) })
        {
            Restore();
            _dir.Write(relative, text);
            var result = Generator.Run("check", "--content", Content);
            Assert.True(result.ExitCode == 0, result.ToString());
        }
        Restore();
        var build = Generator.Run("build", "--content", Content, "--output", _dir["output"], "--themes", Themes, "--no-search");
        Assert.True(build.ExitCode == 0, build.ToString());
    }
}
