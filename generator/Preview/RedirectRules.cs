namespace PaperTrail.Preview;

/// <summary>
/// The rules of the built site's <c>_redirects</c>, followed by the preview as the host follows them:
/// where the host has redirect rules, old addresses (a paper's arXiv address, an old slug) have no
/// page of their own, and the preview must still lead a click on one to its paper. Read again
/// whenever a build has rewritten the file.
/// </summary>
internal sealed class RedirectRules(string file)
{
    private (DateTime Written, long Length) _readAt;
    private Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private List<(string Prefix, string To)> _folders = [];
    private readonly Lock _lock = new();

    /// <summary>Where a request for <paramref name="path"/> (as requested, base path included) is sent, if anywhere.</summary>
    public string? Target(string path)
    {
        lock (_lock)
        {
            Refresh();
            if (_exact.TryGetValue(path, out var to)) return to;
            foreach (var (prefix, folder) in _folders)
                if (path.StartsWith(prefix, StringComparison.Ordinal))
                    return folder.Replace(":splat", path[prefix.Length..], StringComparison.Ordinal);
            return null;
        }
    }

    private void Refresh()
    {
        var info = new FileInfo(file);
        var stamp = info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1);
        if (stamp == _readAt) return;
        _readAt = stamp;
        _exact = new(StringComparer.Ordinal);
        _folders = [];
        if (!info.Exists) return;
        foreach (var line in File.ReadLines(file))
        {
            // "from to 301[!]": the site's own rules, one per line; a comment starts with '#'.
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || parts[0].StartsWith('#')) continue;
            if (parts[0].EndsWith('*')) _folders.Add((parts[0][..^1], parts[1]));
            else _exact.TryAdd(parts[0], parts[1]);
        }
    }
}
