namespace PaperTrail.Errors;

/// <summary>
/// A failure a person or the outside world caused (a file, the network, a tool, a template, the
/// output folder), told in lines that say what to fix, with the exit code a script sees. Never a
/// bug: the command line prints the lines, not a stack trace. Content problems, which name a file
/// and line of the archive, are the <c>ContentException</c> kind of it.
/// </summary>
internal class UserError : Exception
{
    public IReadOnlyList<string> Lines { get; }
    public int ExitCode { get; }

    public UserError(IReadOnlyList<string> lines, int exitCode = ExitCodes.InputError)
        : base(string.Join(Environment.NewLine, lines))
    {
        Lines = lines;
        ExitCode = exitCode;
    }

    public UserError(string message, int exitCode = ExitCodes.InputError) : this([message], exitCode) { }

    /// <summary>A message about one file (or address), located like a content problem: "file:line: message".</summary>
    public static UserError At(string where, int line, string message) =>
        new(line > 0 ? $"{where}:{line}: {message}" : $"{where}: {message}");
}
