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
        var pins = string.Join(",", new[] { "package.json", "package-lock.json" }.Select(f => Path.Combine(tools, f)).Select(f => File.Exists(f) ? Hash(f) : "-"));
        var header = $"{Format} generator={Generator} search={options.Search} pins={pins}";
        return new InputManifest(header, roots) { ToolPins = pins };
    }

    /// <summary>
    /// Every input as it is now, with its hash: taken from the last build's manifest when size and
    /// write time match it (no read), else from the bytes. A clean build reuses nothing.
    /// </summary>
    public void Scan(string outputDir, bool clean)
    {
        var recorded = clean ? null : Recorded(outputDir);
        var files = Files().ToArray();
        var entries = new Entry[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var info = new FileInfo(files[i].Full);
            var size = info.Length;
            var ticks = info.LastWriteTimeUtc.Ticks;
            // Same size and time: unchanged. Same size, new time (a fresh checkout): the bytes' hash decides.
            var hash = recorded is not null && recorded.TryGetValue(files[i].Name, out var before) && before.Size == size && before.Ticks == ticks
                ? before.Hash
                : Hash(files[i].Full);
            entries[i] = new Entry(files[i].Name, size, ticks, hash);
        });
        _entries = entries;
        _sameAsRecorded = recorded is not null && recorded.Count == entries.Length
            && entries.All(e => recorded.TryGetValue(e.Name, out var before) && before.Size == e.Size && before.Hash == e.Hash);
    }

    /// <summary>True when the manifest in the output folder describes exactly these inputs and every output is still there.</summary>
    public bool Unchanged(string outputDir)
    {
        if (!_sameAsRecorded) return false;
        var outputs = new OutputWriter(outputDir).PreviousOutputs();
        return outputs.Count > 0 && outputs.All(o => File.Exists(Path.Combine(outputDir, o)));
    }

    /// <summary>
    /// One hash of everything every page depends on: the generator, the options, the theme chain, the
    /// Node tools, site.yml and topics.yml; every input but the papers, each of which only some pages show.
    /// </summary>
    public string SharedHash => ViewHasher.Of(_header, Scanned.Where(e => !e.Name.StartsWith(PapersPrefix, StringComparison.Ordinal)).Select(e => e.Name + "\t" + e.Hash).ToList());

    /// <summary>The hashes of the Node tools' package.json and package-lock.json: which KaTeX and Pagefind run.</summary>
    public string ToolPins { get; private init; } = "";

    /// <summary>The hash of an input ("content/topics.yml"), or null when there is no such input.</summary>
    public string? HashOf(string name) => (_byName ??= Scanned.ToDictionary(e => e.Name, e => e.Hash, StringComparer.Ordinal)).GetValueOrDefault(name);

    private Dictionary<string, string>? _byName;

    /// <summary>This generator's build identity: anything it cached is only trusted by the same build of it.</summary>
    public static string Generator => typeof(InputManifest).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public void Write(string outputDir)
    {
        var text = new StringBuilder(_header).Append('\n');
        foreach (var e in Scanned)
            text.Append(string.Join('\t', e.Name, e.Size.ToString(CultureInfo.InvariantCulture), e.Ticks.ToString(CultureInfo.InvariantCulture), e.Hash)).Append('\n');
        AtomicFile.WriteIfChanged(Path.Combine(outputDir, OutputWriter.ManifestFolder, FileName), Encoding.UTF8.GetBytes(text.ToString()), durable: false);
    }

    private const string PapersPrefix = "content/" + ArchiveLoader.PapersFolder + "/";

    private sealed record Entry(string Name, long Size, long Ticks, string Hash);

    private Entry[]? _entries;
    private bool _sameAsRecorded;

    private Entry[] Scanned => _entries ?? throw new InvalidOperationException("scan the inputs first");

    /// <summary>The last build's manifest, when it was made by this generator with these options; else null.</summary>
    private Dictionary<string, (long Size, long Ticks, string Hash)>? Recorded(string outputDir)
    {
        var path = Path.Combine(outputDir, OutputWriter.ManifestFolder, FileName);
        if (!File.Exists(path)) return null;
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != _header) return null;
        var recorded = new Dictionary<string, (long Size, long Ticks, string Hash)>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split('\t');
            if (parts.Length != 4 || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var size) || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var ticks)) return null;
            recorded[parts[0]] = (size, ticks, parts[3]);
        }
        return recorded;
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
