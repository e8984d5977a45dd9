using System.Diagnostics;

namespace PaperTrail.Pipelines;

/// <summary>
/// Wall time per build stage, and the processor time the process spent in it (all threads, user and
/// system): the first thing to look at before making the build faster. A stage whose processor time
/// is close to its wall time ran on one core.
/// </summary>
public sealed class StageTimer
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last;
    private TimeSpan _lastCpu = Cpu();
    private readonly List<(string, TimeSpan, TimeSpan)> _stages = [];

    public IReadOnlyList<(string Stage, TimeSpan Took, TimeSpan Cpu)> Stages => _stages;

    public void Done(string stage)
    {
        var now = _clock.Elapsed;
        var cpu = Cpu();
        _stages.Add((stage, now - _last, cpu - _lastCpu));
        _last = now;
        _lastCpu = cpu;
    }

    private static TimeSpan Cpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
