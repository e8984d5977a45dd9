using PaperTrail.Content;
using PaperTrail.Progress;

namespace PaperTrail.Ingest;

/// <summary>
/// Progress of a long ingest (a backfill of hundreds of files), through the command's
/// <see cref="ProgressWriter"/>: a bar redrawn in place on a terminal, plain lines (about every tenth
/// of the work) when the output goes to a file or a log.
/// </summary>
internal sealed class IngestProgress
{
    private readonly ProgressWriter _progress;
    private readonly int _total;
    private int _done;
    private int _lastReported = -1;

    public IngestProgress(ProgressWriter progress, int total)
    {
        (_progress, _total) = (progress, total);
        if (total >= 2) progress.Begin("reading");
    }

    public void FileRead(string file, int papers)
    {
        _done++;
        if (_total < 2) return;
        if (_progress.IsTerminal)
        {
            _progress.Count(_done, _total, "files");
            if (_done == _total) _progress.Finished();
            return;
        }
        var tenth = _done * 10 / _total;
        if (tenth == _lastReported && _done != _total) return;
        _lastReported = tenth;
        _progress.WriteLine($"reading: {_done}/{_total} files, last {Path.GetFileName(file)} ({Plural.Count(papers, "paper")})");
    }
}
