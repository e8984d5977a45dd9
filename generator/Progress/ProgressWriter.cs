using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PaperTrail.Progress;

/// <summary>
/// What a long command shows while it works, on its output, before its summary. On a terminal: one status line redrawn in
/// place, the stage and, when the stage counts its work, a bar; redrawn at most ten times a second, so
/// counting every page costs nothing. Elsewhere (a CI log, the nightly): one line per stage as it ends,
/// with its time, and nothing per page. Quiet: no stages, no bars. The other lines a command writes while
/// it works (a lock waited for, tools installed, a cache not written) go through it as a
/// <see cref="TextWriter"/>, so that they never land in the middle of the status line. Nothing of it
/// goes into the site.
/// </summary>
internal sealed class ProgressWriter : TextWriter
{
    private const int BarWidth = 24;
    private static readonly long RedrawEvery = Stopwatch.Frequency / 10;

    private readonly TextWriter _output;
    private readonly bool _showStages;
    private readonly int _width;
    private readonly Lock _lock = new();
    private string _stage = "";
    private string _status = ""; // the status line as drawn; empty when none is
    private long _lastDrawn;
    private int _lastDone;
    private string? _lastUnit;
    private string? _detail; // what the stage's line says it did, besides its time

    /// <param name="output">The command's output.</param>
    /// <param name="terminal">A person watches <paramref name="output"/>: the status line is redrawn in place.</param>
    /// <param name="quiet">Show no stage and no bar; the other lines still pass.</param>
    /// <param name="width">The terminal's width: a status line that wrapped could not be redrawn in place.</param>
    public ProgressWriter(TextWriter output, bool terminal, bool quiet = false, int width = 80)
    {
        _output = output;
        IsTerminal = terminal;
        _showStages = !quiet;
        _width = Math.Max(width, 20);
    }

    /// <summary>Shows nothing, and drops every line: for a caller that gives no writer (tests, mostly).</summary>
    public static ProgressWriter Silent() => new(Null, terminal: false, quiet: true);

    public bool IsTerminal { get; }

    public override Encoding Encoding => _output.Encoding;

    /// <summary>A stage begins: a terminal shows its name until its work is counted or the next stage begins.</summary>
    public void Begin(string stage)
    {
        lock (_lock)
        {
            (_stage, _detail, _lastDone, _lastUnit) = (stage, null, 0, null);
            if (_showStages && IsTerminal) Draw($"{stage} …");
        }
    }

    /// <summary>
    /// How far the stage is: <paramref name="done"/> of <paramref name="total"/> <paramref name="unit"/>.
    /// Safe from any thread; cheap enough to call for every page (off a terminal it only notes the total,
    /// for the stage's line).
    /// </summary>
    public void Count(int done, int total, string unit)
    {
        if (!_showStages) return;
        if (!IsTerminal)
        {
            if (Volatile.Read(ref _detail) is null) lock (_lock) _detail ??= $"{Number(total)} {unit}";
            return;
        }
        var now = Stopwatch.GetTimestamp();
        // Every tenth of a second at most; but a new kind of count (a tool's next step) and the last
        // count at once, so that the bar ends full.
        var sameCount = ReferenceEquals(unit, Volatile.Read(ref _lastUnit));
        if (sameCount && done < total && now - Volatile.Read(ref _lastDrawn) < RedrawEvery) return;
        lock (_lock)
        {
            if (ReferenceEquals(unit, _lastUnit) && done <= _lastDone && done < total) return; // a thread that counted earlier, come late
            (_lastDone, _lastDrawn, _lastUnit) = (done, now, unit);
            Draw(StatusOf(_stage, done, total, unit));
        }
    }

    /// <summary>What the stage did, for its line (by default, the total it counted).</summary>
    public void Note(string detail)
    {
        lock (_lock) _detail = detail;
    }

    /// <summary>The stage has ended, after <paramref name="took"/>: off a terminal, its line.</summary>
    public void Ended(string stage, TimeSpan took)
    {
        if (!_showStages || IsTerminal) return;
        lock (_lock)
        {
            _output.WriteLine($"{stage}: {Seconds(took)}{(_detail is { } detail ? $" ({detail})" : "")}");
            _detail = null;
        }
    }

    /// <summary>The work is over, or has failed: the status line goes.</summary>
    public void Finished()
    {
        lock (_lock) Erase();
    }

    /// <summary>
    /// On a terminal, after the command's summary, the time of each stage in one line: the stages' own
    /// lines were redrawn over. (A log has had them one by one.)
    /// </summary>
    public void Times(IEnumerable<(string Stage, TimeSpan Took)> stages)
    {
        if (!_showStages || !IsTerminal) return;
        var all = stages.ToList();
        var total = all.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Took);
        WriteLine($"took {Seconds(total)}: " + string.Join("; ", all.Select(s => $"{s.Stage} {Seconds(s.Took)}")));
    }

    public override void Write(char value)
    {
        lock (_lock) WriteBelowStatus(() => _output.Write(value), value == '\n');
    }

    public override void Write(string? value)
    {
        lock (_lock) WriteBelowStatus(() => _output.Write(value), value?.EndsWith('\n') == true);
    }

    public override void WriteLine(string? value)
    {
        lock (_lock) WriteBelowStatus(() => _output.WriteLine(value), lineEnded: true);
    }

    public override void Flush() => _output.Flush();

    /// <summary>A command that fails leaves no status line for its error to be written after.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing) lock (_lock) Erase();
        base.Dispose(disposing);
    }

    /// <summary>Another line: the status line is taken away before it and, once the line is whole, drawn again below it.</summary>
    private void WriteBelowStatus(Action write, bool lineEnded)
    {
        var status = _status;
        Erase();
        write();
        if (lineEnded && status.Length > 0) Draw(status); // a line half written: the status line waits for the next redraw
    }

    private static string StatusOf(string stage, int done, int total, string unit)
    {
        var filled = total == 0 ? BarWidth : (int)((long)BarWidth * done / total);
        return $"{stage} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {Number(done)}/{Number(total)} {unit}";
    }

    private void Draw(string status)
    {
        if (status.Length > _width - 1) status = status[..(_width - 2)] + "…";
        var padding = Math.Max(0, _status.Length - status.Length);
        _output.Write("\r" + status + new string(' ', padding));
        _output.Flush();
        _status = status;
    }

    private void Erase()
    {
        if (_status.Length == 0) return;
        _output.Write("\r" + new string(' ', _status.Length) + "\r");
        _output.Flush();
        _status = "";
    }

    private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan took) => took.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
