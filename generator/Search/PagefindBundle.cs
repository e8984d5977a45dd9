using System.IO.Compression;
using System.Text;
using System.Text.Json;
using PaperTrail.Errors;

namespace PaperTrail.Search;

/// <summary>
/// Which files of a folder Pagefind has written into, again and again, make up the index it wrote
/// last. Pagefind names the files of an index (a fragment per page, the word chunks, the filters, one
/// meta per language) by a hash of their bytes, writes one only when no file of that name is there
/// yet, and never removes any: the files of earlier indexes stay beside the new ones. The new index
/// is what <c>pagefind-entry.json</c> names: a meta per language, whose bytes name the other files.
/// A file below the folder belongs to the index when its name (without extension) occurs in the bytes
/// of one of those metas; a coincidence can only keep a stale file, never drop a live one. The
/// fixed files beside the entry (the script, its worker, the WebAssembly) belong to it, except
/// Pagefind's ready-made UIs, which the theme's own search page never loads.
/// </summary>
internal static class PagefindBundle
{
    public const string Entry = "pagefind-entry.json";

    /// <summary>Pagefind's ready-made UIs: the theme has its own search page, so readers never load these.</summary>
    private static readonly string[] UnusedUi = ["pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight."];

    /// <summary>The index's files, relative to <paramref name="folder"/> with '/' separators, in ordinal order.</summary>
    public static IReadOnlyList<string> Files(string folder)
    {
        var metas = MetaFiles(folder);
        var all = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(full => Path.GetRelativePath(folder, full).Replace('\\', '/'))
            .ToList();
        var below = all.Where(f => f.Contains('/')).ToList();
        var named = Named(below.Select(f => Path.GetFileNameWithoutExtension(f)), metas.Select(meta => Decompressed(Path.Combine(folder, meta))));
        var files = all.Where(f => f.Contains('/')
                ? named.Contains(Path.GetFileNameWithoutExtension(f))
                : !UnusedUi.Any(f.StartsWith) && (!f.EndsWith(".pf_meta", StringComparison.Ordinal) || metas.Contains(f)))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>The meta file of each language the entry names ("pagefind.en_9842b932a0.pf_meta").</summary>
    private static HashSet<string> MetaFiles(string folder)
    {
        var entry = Path.Combine(folder, Entry);
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(entry));
            var metas = new HashSet<string>(StringComparer.Ordinal);
            foreach (var language in json.RootElement.GetProperty("languages").EnumerateObject())
                metas.Add($"pagefind.{language.Value.GetProperty("hash").GetString()}.pf_meta");
            return metas;
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException or UnauthorizedAccessException)
        {
            throw UserError.At(entry, 0, $"Pagefind's entry file is not what this generator reads ({e.Message}); was Pagefind updated without the generator?");
        }
    }

    private static byte[] Decompressed(string meta)
    {
        try
        {
            using var input = new GZipStream(File.OpenRead(meta), CompressionMode.Decompress);
            using var bytes = new MemoryStream();
            input.CopyTo(bytes);
            return bytes.ToArray();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw UserError.At(meta, 0, $"Pagefind's index file cannot be read ({e.Message})");
        }
    }

    /// <summary>
    /// Which of <paramref name="candidates"/> occur in the metas: as a run of name characters, or as the
    /// tail of one, since a name is stored after a length byte that may itself read as a letter
    /// ("jen_86fc06b" holds "en_86fc06b").
    /// </summary>
    private static HashSet<string> Named(IEnumerable<string> candidates, IEnumerable<byte[]> metas)
    {
        var wanted = new HashSet<string>(candidates, StringComparer.Ordinal);
        var lookup = wanted.GetAlternateLookup<ReadOnlySpan<char>>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bytes in metas)
        {
            var text = Encoding.Latin1.GetString(bytes).AsSpan();
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && IsNameChar(text[i]))
                {
                    if (start < 0) start = i;
                    continue;
                }
                for (var from = start; start >= 0 && from < i; from++)
                    if (lookup.TryGetValue(text[from..i], out var name)) found.Add(name);
                start = -1;
            }
        }
        return found;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
