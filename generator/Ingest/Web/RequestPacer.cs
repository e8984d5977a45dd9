namespace PaperTrail.Ingest.Web;

/// <summary>
/// Spaces the requests to a server that asks it: each starts at least <c>interval</c> after the one
/// before (arXiv's API terms: one request every 3 seconds, <see cref="ArxivTerms"/>). A turn is
/// reserved before the wait, so requests that ask at once still go one interval apart. The clock
/// and the wait are given, so that a test runs the policy on a clock of its own, without waiting.
/// </summary>
internal sealed class RequestPacer(TimeSpan interval, TimeProvider clock, Func<TimeSpan, CancellationToken, Task> wait)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _next;

    /// <summary>arXiv's API terms (info.arxiv.org/help/api/tou.html): no more than one request every 3 seconds.</summary>
    public static readonly TimeSpan ArxivInterval = TimeSpan.FromSeconds(3);

    public static RequestPacer ArxivTerms() => new(ArxivInterval, TimeProvider.System, (span, cancel) => Task.Delay(span, cancel));

    public TimeSpan Interval => interval;

    /// <summary>Returns when the next request may start.</summary>
    public Task WaitTurnAsync(CancellationToken cancel)
    {
        TimeSpan delay;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var turn = _next is { } next && next > now ? next : now;
            _next = turn + interval;
            delay = turn - now;
        }
        return delay > TimeSpan.Zero ? wait(delay, cancel) : Task.CompletedTask;
    }
}
