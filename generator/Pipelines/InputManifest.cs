using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PaperTrail.Content;
using PaperTrail.Output;

namespace PaperTrail.Pipelines;

/// <summary>
/// What a build was made from: every input file (content, the theme chain, the Node tools' pins)
/// with its size, write time and hash, plus the generator's identity and the options that change
/// output. Kept in the output folder beside the outputs manifest. When nothing in it changed, the
/// next build ends at once, without parsing the archive. Paths are relative, times only compared.
/// </summary>
public sealed class InputManifest
{
    public const string FileName = "inputs.txt";
    private const string Format = "paper-trail-inputs 1";

    private readonly string _header;
    private readonly SortedDictionary<string, string> _roots;

    private InputManifest(string header, SortedDictionary<string, string> roots)
    {
        _header = header;
        _roots = roots;
    }

    /// <summary>The inputs of a build with these options, from site.yml's theme (the only thing read).</summary>
    public static InputManifest For(BuildOptions options)
    {
        var problems = new List<ContentProblem>();
        var sitePath = Path.Combine(options.ContentDir, "site.yml");
        var theme = File.Exists(sitePath) ? SiteConfigReader.Read(sitePath, ArchiveLoader.ReadText(sitePath), problems).Theme : "default";
        var roots = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["content"] = options.ContentDir };
        foreach (var name in new[] { theme, Rendering.ThemeFiles.DefaultTheme }.Distinct())
            roots["themes/" + name] = Path.Combine(options.ThemesDir, name);
        var tools = Path.GetDirectoryName(Path.GetFullPath(options.ThemesDir))!;
        roots["tools"] = Path.Combine(tools, "tools");
        var generator = typeof(InputManifest).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        var pins = string.Join(",", new[] { "package.json", "package-lock.json" }.Select(f => Path.Combine(tools, f)).Select(f => File.Exists(f) ? Hash(f) : "-"));
        var header = $"{Format} generator={generator} search={options.Search} pins={pins}";
        return new InputManifest(header, roots);
    }

    /// <summary>True when the manifest in the output folder describes exactly these inputs and every output is still there.</summary>
    public bool Unchanged(string outputDir)
    {
        var path = Path.Combine(outputDir, OutputWriter.ManifestFolder, FileName);
        if (!File.Exists(path)) return false;
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != _header) return false;
        var recorded = new Dictionary<string, (long Size, long Ticks, string Hash)>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split('\t');
            if (parts.Length != 4 || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var size) || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var ticks)) return false;
            recorded[parts[0]] = (size, ticks, parts[3]);
        }
        var current = Files().ToList();
        if (current.Count != recorded.Count) return false;
        foreach (var (name, full) in current)
        {
            if (!recorded.TryGetValue(name, out var before)) return false;
            var info = new FileInfo(full);
            if (info.Length != before.Size) return false;
            // Same size and time: unchanged. Same size, new time (a fresh checkout): compare the bytes' hash.
            if (info.LastWriteTimeUtc.Ticks != before.Ticks && Hash(full) != before.Hash) return false;
        }
        var outputs = new OutputWriter(outputDir).PreviousOutputs();
        return outputs.Count > 0 && outputs.All(o => File.Exists(Path.Combine(outputDir, o)));
    }

    public void Write(string outputDir)
    {
        var files = Files().ToArray();
        var lines = new string[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var info = new FileInfo(files[i].Full);
            lines[i] = string.Join('\t', files[i].Name, info.Length.ToString(CultureInfo.InvariantCulture),
                info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture), Hash(files[i].Full));
        });
        var text = new StringBuilder(_header).Append('\n');
        foreach (var line in lines) text.Append(line).Append('\n');
        AtomicFile.WriteIfChanged(Path.Combine(outputDir, OutputWriter.ManifestFolder, FileName), Encoding.UTF8.GetBytes(text.ToString()), durable: false);
    }

    private IEnumerable<(string Name, string Full)> Files() =>
        _roots.Where(r => Directory.Exists(r.Value))
            .SelectMany(r => Directory.EnumerateFiles(r.Value, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).EndsWith(".tmp", StringComparison.Ordinal))
                .Select(f => (Name: r.Key + "/" + Path.GetRelativePath(r.Value, f).Replace('\\', '/'), Full: f)))
            .OrderBy(f => f.Name, StringComparer.Ordinal);

    private static string Hash(string path)
    {
        return Convert.ToHexStringLower(SHA256.HashData(ArchiveLoader.ReadBytes(path)))[..16];
    }
}
