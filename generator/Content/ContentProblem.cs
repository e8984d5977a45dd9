using PaperTrail.Errors;

namespace PaperTrail.Content;

/// <summary>A problem in a file a person edits, located so they can fix it.</summary>
/// <param name="File">Path as the user gave it (relative to where they run the command when possible).</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
public sealed record ContentProblem(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>Thrown when content cannot be used; carries every problem found, not just the first.</summary>
public sealed class ContentException(IReadOnlyList<ContentProblem> problems)
    : UserError(problems.Select(p => p.ToString()).ToList())
{
    public IReadOnlyList<ContentProblem> Problems { get; } = problems;

    public ContentException(ContentProblem problem) : this([problem]) { }
}
