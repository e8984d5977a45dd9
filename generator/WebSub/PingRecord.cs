using System.Security.Cryptography;
using System.Text;
using PaperTrail.Output;

namespace PaperTrail.WebSub;

/// <summary>
/// <c>output/.paper-trail/websub.txt</c>: each subscription feed's SHA-256 when its hub last heard of
/// it. It lives beside the build's own records, which the nightly keeps from one night to the next;
/// without it, every feed is announced once.
/// </summary>
internal sealed class PingRecord
{
    public const string RelativePath = ".paper-trail/websub.txt";

    private readonly Dictionary<string, string> _hashes;

    private PingRecord(Dictionary<string, string> hashes) => _hashes = hashes;

    public static PingRecord Read(string output)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var file = Path.Combine(output, RelativePath);
        if (!File.Exists(file)) return new PingRecord(hashes);
        foreach (var line in File.ReadLines(file))
        {
            // A damaged line is a feed announced again: harmless.
            var space = line.IndexOf(' ');
            if (space == 64) hashes[line[(space + 1)..]] = line[..space];
        }
        return new PingRecord(hashes);
    }

    public static string Hash(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    public bool Announced(string path, string hash) => _hashes.TryGetValue(path, out var known) && known == hash;

    public void Record(string path, string hash) => _hashes[path] = hash;

    public void Write(string output)
    {
        var text = new StringBuilder();
        foreach (var (path, hash) in _hashes.OrderBy(h => h.Key, StringComparer.Ordinal)) text.Append(hash).Append(' ').Append(path).Append('\n');
        var file = Path.Combine(output, RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        AtomicFile.Write(file, Encoding.UTF8.GetBytes(text.ToString()));
    }
}
