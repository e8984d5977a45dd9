using System.Diagnostics;
using PaperTrail.Progress;

namespace PaperTrail.Build;

/// <summary>
/// Wall time per build stage, and the processor time the process spent in it (all threads, user and
/// system), what it allocated and how long the garbage collector paused it: the first thing to look
/// at before making the build faster. A stage whose processor time is close to its wall time ran on one core.
/// Each stage is named as it begins and shown to whoever watches (<see cref="ProgressWriter"/>): on a
/// terminal while it runs, in a log as it ends; disposed, it takes the status line away, so that an
/// error is not written after it.
/// </summary>
internal sealed class StageTimer(ProgressWriter progress) : IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string? _current;
    private TimeSpan _last;
    private TimeSpan _lastCpu = Cpu();
    private TimeSpan _lastPaused = GC.GetTotalPauseDuration();
    private long _lastAllocated = GC.GetTotalAllocatedBytes();
    private readonly List<StageTime> _stages = [];

    /// <summary>The stages that have ended, in order.</summary>
    public IReadOnlyList<StageTime> Stages => _stages;

    /// <summary>Ends the stage under way, if any, and begins <paramref name="stage"/>.</summary>
    public void Begin(string stage)
    {
        EndCurrent();
        _current = stage;
        progress.Begin(stage);
    }

    /// <summary>Ends the last stage: the build is over.</summary>
    public void End()
    {
        EndCurrent();
        progress.Finished();
    }

    public void Dispose() => progress.Finished();

    private void EndCurrent()
    {
        if (_current is null) return;
        var now = _clock.Elapsed;
        var cpu = Cpu();
        var paused = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes();
        var stage = new StageTime(_current, now - _last, cpu - _lastCpu, paused - _lastPaused, allocated - _lastAllocated);
        _stages.Add(stage);
        progress.Ended(stage.Stage, stage.Took);
        _current = null;
        _last = now;
        _lastCpu = cpu;
        _lastPaused = paused;
        _lastAllocated = allocated;
    }

    private static TimeSpan Cpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}

/// <summary>One stage of a build: wall time, processor time, garbage collector pauses, bytes allocated.</summary>
internal sealed record StageTime(string Stage, TimeSpan Took, TimeSpan Cpu, TimeSpan Paused, long Allocated);
