using System.Diagnostics;

namespace PaperTrail.Build;

/// <summary>
/// Wall time per build stage, and the processor time the process spent in it (all threads, user and
/// system), what it allocated and how long the garbage collector paused it: the first thing to look
/// at before making the build faster. A stage whose processor time is close to its wall time ran on one core.
/// </summary>
internal sealed class StageTimer
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last;
    private TimeSpan _lastCpu = Cpu();
    private TimeSpan _lastPaused = GC.GetTotalPauseDuration();
    private long _lastAllocated = GC.GetTotalAllocatedBytes();
    private readonly List<StageTime> _stages = [];

    public IReadOnlyList<StageTime> Stages => _stages;

    public void Done(string stage)
    {
        var now = _clock.Elapsed;
        var cpu = Cpu();
        var paused = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes();
        _stages.Add(new StageTime(stage, now - _last, cpu - _lastCpu, paused - _lastPaused, allocated - _lastAllocated));
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
