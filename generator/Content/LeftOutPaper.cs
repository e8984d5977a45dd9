namespace PaperTrail.Content;

/// <summary>
/// A paper file and the problems found in it, for which a build leaves the paper out of the site
/// (<see cref="Quarantine"/>) and <c>generator check</c> fails.
/// </summary>
/// <param name="RelativePath">The file, relative to the content folder ("papers/2026/11/x.md").</param>
/// <param name="Problems">At least one; the first is the one a warning names.</param>
internal sealed record LeftOutPaper(string RelativePath, IReadOnlyList<ContentProblem> Problems)
{
    /// <summary>
    /// One line naming file, line and rule: <c>warning: content/papers/2026/11/x.md:5: unknown topic 'x'; …;
    /// this paper is left out of the site</c>.
    /// </summary>
    public string Warning => $"warning: {Problems[0].ToString().TrimEnd('.')}; this paper is left out of the site" +
        (Problems.Count > 1 ? $" ({Problems.Count - 1} more {(Problems.Count == 2 ? "problem" : "problems")} in it: generator check lists them)" : "");
}
