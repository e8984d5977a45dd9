using PaperTrail.Errors;

namespace PaperTrail.Commands;

/// <summary>Where a command writes, and the one place that turns failures into exit codes.</summary>
public sealed class CommandContext(TextWriter output, TextWriter errors)
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
            return Report(e, errors);
        }
    }

    /// <summary>
    /// What <see cref="Guard"/> prints for a failure, and the exit code. Work done in parallel
    /// (Parallel.For, tasks) hands its failures over wrapped in an <see cref="AggregateException"/>:
    /// when every one inside is a <see cref="UserError"/>, that is what the user sees.
    /// </summary>
    public static int Report(Exception failure, TextWriter errors)
    {
        var inner = failure is AggregateException wrapped ? wrapped.Flatten().InnerExceptions : [failure];
        if (inner.Count > 0 && inner.All(e => e is UserError))
        {
            foreach (var e in inner.Cast<UserError>())
            {
                var prefix = e.ExitCode == ExitCodes.UsageError ? "usage error" : "error";
                foreach (var line in e.Lines) errors.WriteLine($"{prefix}: {line}");
            }
            return inner.Cast<UserError>().Max(e => e.ExitCode);
        }
        errors.WriteLine($"crash: the generator failed, please report it with this text:{Environment.NewLine}{failure}");
        return ExitCodes.Crash;
    }
}

/// <summary>An option's value is wrong in a way the parser cannot see (a malformed date…).</summary>
public sealed class UsageException(string message) : UserError(message, ExitCodes.UsageError);
