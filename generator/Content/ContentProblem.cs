using System.Text;
using PaperTrail.Errors;

namespace PaperTrail.Content;

/// <summary>A problem in a file a person edits, located so they can fix it.</summary>
/// <param name="File">Path as the user gave it (relative to where they run the command when possible).</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
internal sealed record ContentProblem(string File, int Line, string Message)
{
    /// <summary>"file:line: message", always one line: a value quoted in the message may hold line breaks or other controls.</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {OneLine(Message)}" : $"{File}: {OneLine(Message)}";

    /// <summary>The text with its line breaks and other controls escaped, so it stays on one line.</summary>
    internal static string OneLine(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        return sb.ToString();
    }
}

/// <summary>Thrown when content cannot be used; carries every problem found, not just the first.</summary>
internal sealed class ContentException(IReadOnlyList<ContentProblem> problems)
    : UserError(problems.Select(p => p.ToString()).ToList())
{
    public IReadOnlyList<ContentProblem> Problems { get; } = problems;

    public ContentException(ContentProblem problem) : this([problem]) { }
}
