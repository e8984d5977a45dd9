namespace PaperTrail.Output;

/// <summary>
/// Fault injection for tests: with PAPER_TRAIL_FAIL_AFTER_WRITES=N in the environment, the process
/// dies (as a power cut would) just before committing its (N+1)-th file. Nothing else reads it.
/// </summary>
public static class WriteFaults
{
    public const string Variable = "PAPER_TRAIL_FAIL_AFTER_WRITES";

    private static readonly int Limit =
        int.TryParse(Environment.GetEnvironmentVariable(Variable), out var n) ? n : -1;

    private static int _commits;

    public static void BeforeCommit(string path)
    {
        if (Limit < 0) return;
        if (Interlocked.Increment(ref _commits) > Limit)
        {
            Console.Error.WriteLine($"fault injected before writing {path}");
            Environment.Exit(134);
        }
    }
}
