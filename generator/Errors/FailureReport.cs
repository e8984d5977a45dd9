namespace PaperTrail.Errors;

/// <summary>
/// What a person is told of a failure, and the exit code a script sees: a <see cref="UserError"/>
/// as its lines, anything else as a bug in the generator (exit 70) with the trace to report. The
/// command line and the preview both tell failures this way.
/// </summary>
internal static class FailureReport
{
    /// <summary>
    /// Writes the failure to <paramref name="errors"/> and returns its exit code. Work done in
    /// parallel (Parallel.For, tasks) hands its failures over wrapped in an <see cref="AggregateException"/>:
    /// when every one inside is a <see cref="UserError"/>, that is what the user sees. A full disk and a
    /// denied access are never bugs (<see cref="DiskFullError"/>, <see cref="AccessDeniedError"/>), wherever met.
    /// </summary>
    public static int Write(Exception failure, TextWriter errors)
    {
        var inner = (failure is AggregateException wrapped ? wrapped.Flatten().InnerExceptions : [failure])
            .Select(e => e switch
            {
                UserError => e,
                _ when DiskFullError.Is(e) => DiskFullError.FromSystem(e),
                _ when AccessDeniedError.Is(e) => AccessDeniedError.FromSystem(e),
                _ => e,
            })
            .ToList();
        // Threads writing side by side all find the disk full: once is enough.
        if (inner.OfType<DiskFullError>().FirstOrDefault() is { } diskFull) inner = [diskFull, .. inner.Where(e => e is not DiskFullError)];
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
