using PaperTrail.Errors;

namespace PaperTrail.Commands;

/// <summary>Where a command writes, and the one place that turns failures into exit codes.</summary>
internal sealed class CommandContext(TextWriter output, TextWriter errors)
{
    public TextWriter Output { get; } = output;
    public TextWriter Errors { get; } = errors;

    /// <summary>Whether a person watches the output (progress redraws in place) rather than a log.</summary>
    public bool IsTerminal => ReferenceEquals(Output, Console.Out) && !Console.IsOutputRedirected;

    public int Guarded(Func<int> action) => Guard(action, Errors);

    /// <summary>
    /// Runs a command: a <see cref="UserError"/> becomes its lines and its exit code, anything else is
    /// a bug in the generator (exit 70) with the trace to report. Tests call this to see exactly
    /// what a user would.
    /// </summary>
    public static int Guard(Func<int> action, TextWriter errors)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return FailureReport.Write(e, errors);
        }
    }
}

/// <summary>An option's value is wrong in a way the parser cannot see (a malformed date…).</summary>
internal sealed class UsageException(string message) : UserError(message, ExitCodes.UsageError);
