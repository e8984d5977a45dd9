using System.Globalization;
using System.Text.RegularExpressions;
using PaperTrail.Progress;

namespace PaperTrail.Search;

/// <summary>
/// Pagefind's progress, read from its own lines as it prints them: its command line names each of its
/// four steps as it begins ("[Parsing files]"…) and the pages it found, but counts no page on the way,
/// so the bar counts steps (the last, writing the index, is about two thirds of the time; see
/// docs/architecture.md, <i>What search costs a night</i>). The lines that are none of these are what it
/// said besides (a warning, an error): a failed run's message is made of them.
/// </summary>
internal sealed partial class PagefindProgress(ProgressWriter progress)
{
    private const int Steps = 4;
    private static readonly string[] StepNames = ["[Walking source directory]", "[Parsing files]", "[Reading languages]", "[Building search indexes]"];

    private string _pages = "the";

    /// <summary>What Pagefind said (standard output and error) without its progress and the lines it prints on every run.</summary>
    public static string WithoutProgress(string output) =>
        string.Join('\n', output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !IsProgress(l.Trim())));

    /// <summary>One line of Pagefind's standard output.</summary>
    public void Line(string line)
    {
        var text = line.Trim();
        var step = Array.IndexOf(StepNames, text);
        if (step >= 0)
        {
            progress.Count(step, Steps, $"steps: {Doing(step)}");
            return;
        }
        if (Found().Match(text) is { Success: true } found) _pages = Count(found);
        else if (Indexed().Match(text) is { Success: true } indexed) progress.Note($"{Count(indexed)} pages indexed");
        else if (text.StartsWith("Finished in ", StringComparison.Ordinal)) progress.Count(Steps, Steps, "steps: done");
    }

    private string Doing(int step) => step switch
    {
        0 => "finding the pages",
        1 => $"reading {_pages} pages",
        2 => "sorting them by language",
        _ => $"writing the index of {_pages} pages",
    };

    private static string Count(Match match) =>
        int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A step, a count, or a line Pagefind prints on every run that tells nothing about this one.</summary>
    private static bool IsProgress(string text) =>
        text.Length == 0 || StepNames.Contains(text) || text.StartsWith("Found ", StringComparison.Ordinal) || text.StartsWith("Finished in ", StringComparison.Ordinal)
        || text.StartsWith("Running ", StringComparison.Ordinal) || text.StartsWith("Source:", StringComparison.Ordinal)
        || text.StartsWith("Output:", StringComparison.Ordinal) || text.StartsWith("Discovered ", StringComparison.Ordinal)
        || text.StartsWith("Did not find a data-pagefind-body", StringComparison.Ordinal) || text.StartsWith("↳ Indexing all", StringComparison.Ordinal)
        || text.StartsWith("Total:", StringComparison.Ordinal) || text.StartsWith("Indexed ", StringComparison.Ordinal)
        || text.StartsWith("Language ", StringComparison.Ordinal);

    [GeneratedRegex(@"^Found (\d+) files? matching")]
    private static partial Regex Found();

    [GeneratedRegex(@"^Indexed (\d+) pages?$")]
    private static partial Regex Indexed();
}
