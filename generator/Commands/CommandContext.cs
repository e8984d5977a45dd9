using PaperTrail.Content;

namespace PaperTrail.Commands;

/// <summary>Where a command writes, and the one place that turns failures into exit codes.</summary>
public sealed class CommandContext(TextWriter output, TextWriter errors)
{
    public TextWriter Output { get; } = output;
    public TextWriter Errors { get; } = errors;

    /// <summary>Whether a person watches the output (progress redraws in place) rather than a log.</summary>
    public bool IsTerminal => ReferenceEquals(Output, Console.Out) && !Console.IsOutputRedirected;

    public int Guarded(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (ContentException e)
        {
            foreach (var problem in e.Problems) Errors.WriteLine($"error: {problem}");
            return ExitCodes.ContentError;
        }
        catch (UsageException e)
        {
            Errors.WriteLine($"usage error: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Errors.WriteLine($"crash: the generator failed, please report it with this text:{Environment.NewLine}{e}");
            return ExitCodes.Crash;
        }
    }
}

/// <summary>An option's value is wrong in a way the parser cannot see (a malformed date…).</summary>
public sealed class UsageException(string message) : Exception(message);
