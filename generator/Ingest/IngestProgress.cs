using PaperTrail.Content;

namespace PaperTrail.Ingest;

/// <summary>
/// Progress of a long ingest (a backfill of hundreds of files): one line redrawn in place on a
/// terminal, plain lines (about every tenth of the work) when the output goes to a file or a log.
/// </summary>
internal sealed class IngestProgress(TextWriter output, bool terminal, int total)
{
    private int _done;
    private int _lastReported = -1;

    public void FileRead(string file, int papers)
    {
        _done++;
        if (total < 2) return;
        if (terminal)
        {
            var width = 30;
            var filled = (int)((long)width * _done / total);
            output.Write($"\rreading [{new string('#', filled)}{new string('.', width - filled)}] {_done}/{total} files");
            if (_done == total) output.WriteLine();
            return;
        }
        var tenth = _done * 10 / total;
        if (tenth == _lastReported && _done != total) return;
        _lastReported = tenth;
        output.WriteLine($"reading: {_done}/{total} files, last {Path.GetFileName(file)} ({Plural.Count(papers, "paper")})");
    }
}
