using System.Diagnostics;

namespace PaperTrail.Pipelines;

/// <summary>Wall time per build stage: the first thing to look at before making the build faster.</summary>
public sealed class StageTimer
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last;
    private readonly List<(string, TimeSpan)> _stages = [];

    public IReadOnlyList<(string Stage, TimeSpan Took)> Stages => _stages;

    public void Done(string stage)
    {
        var now = _clock.Elapsed;
        _stages.Add((stage, now - _last));
        _last = now;
    }
}
