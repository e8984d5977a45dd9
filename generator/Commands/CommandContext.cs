using PaperTrail.Errors;
using PaperTrail.Progress;

namespace PaperTrail.Commands;

/// <summary>Where a command writes, and the one place that turns failures into exit codes.</summary>
/// <param name="terminal">Whether a person watches the output; by default, whether it is this process's own and not redirected. Tests say so to stand in for one.</param>
internal sealed class CommandContext(TextWriter output, TextWriter errors, bool? terminal = null)
{
    public TextWriter Output { get; } = output;
    public TextWriter Errors { get; } = errors;

    /// <summary>Whether a person watches the output (progress redraws in place) rather than a log.</summary>
    public bool IsTerminal { get; } = terminal ?? (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);

    /// <summary>The one way a command shows its progress (<see cref="ProgressWriter"/>), on its output, as ingest always has.</summary>
    public ProgressWriter Progress(bool quiet = false) => new(Output, IsTerminal, quiet, TerminalWidth());

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

    /// <summary>The real terminal's width; 80 for a stand-in, or when the system cannot tell.</summary>
    private int TerminalWidth()
    {
        if (!IsTerminal || !ReferenceEquals(Output, Console.Out)) return 80;
        try
        {
            return Console.WindowWidth is > 0 and var width ? width : 80;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return 80;
        }
    }
}

/// <summary>An option's value is wrong in a way the parser cannot see (a malformed date…).</summary>
internal sealed class UsageException(string message) : UserError(message, ExitCodes.UsageError);
