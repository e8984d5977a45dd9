using System.Globalization;
using System.IO.Enumeration;
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

    /// <summary>
    /// The inputs of a build with these options (site.yml's theme names the theme chain), each with
    /// its size, time and, where known, hash (<see cref="Scan"/>).
    /// </summary>
    /// <param name="toolPins">The tools' pins when the caller already has them (<see cref="ToolPinsFor"/>).</param>
    public static InputManifest For(BuildOptions options, string? toolPins = null)
    {
        var problems = new List<ContentProblem>();
        var sitePath = Path.Combine(options.ContentDir, "site.yml");
        var theme = File.Exists(sitePath) ? SiteConfigReader.Read(sitePath, ArchiveLoader.ReadText(sitePath), problems).Theme : "default";
        var roots = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["content"] = options.ContentDir };
        foreach (var name in new[] { theme, Rendering.ThemeFiles.DefaultTheme }.Distinct())
            roots["themes/" + name] = Path.Combine(options.ThemesDir, name);
        var tools = Path.GetDirectoryName(Path.GetFullPath(options.ThemesDir))!;
        roots["tools"] = Path.Combine(tools, "tools");
        var pins = toolPins ?? ToolPinsFor(options);
        var header = $"{Format} generator={Generator} search={options.Search} pins={pins}";
        var manifest = new InputManifest(header, roots) { ToolPins = pins };
        manifest._entries = manifest.Scan(options.OutputDir, options.Clean);
        return manifest;
    }

    /// <summary>
    /// Every input as it is now, with its hash: taken from the last build's manifest when size and
    /// write time match it (no read), else from the bytes. A clean build reuses nothing. A paper file
    /// whose size changed, or that is new, is left for the loader to hash as it reads it
    /// (<see cref="Know"/>): the build reads it anyway, and reading it twice was a tenth of a cold build.
    /// </summary>
    private Entry[] Scan(string outputDir, bool clean)
    {
        var recorded = clean ? null : Recorded(outputDir);
        var files = Files().ToArray();
        var entries = new Entry[files.Length];
        var changed = 0;
        Parallel.For(0, files.Length, i =>
        {
            var (name, full, size, ticks) = files[i];
            var before = recorded?.GetValueOrDefault(name);
            string? hash;
            if (before is { } was && was.Size == size)
                // Same size and time: unchanged. Same size, new time (a fresh checkout): the bytes' hash decides.
                hash = was.Ticks == ticks && was.Hash != Unreadable ? was.Hash : HashOfFile(full);
            else
                hash = name.StartsWith(PapersPrefix, StringComparison.Ordinal) ? null : HashOfFile(full);
            if (hash is null || before?.Hash != hash) Interlocked.Increment(ref changed);
            entries[i] = new Entry(name, size, ticks) { Hash = hash };
        });
        _sameAsRecorded = recorded is not null && recorded.Count == entries.Length && changed == 0;
        return entries;
    }

    /// <summary>The hash of an input the loader read and hashed (its size and time as scanned).</summary>
    public void Know(string name, string hash)
    {
        if (ByName.TryGetValue(name, out var entry)) entry.Hash ??= hash;
    }

    /// <summary>True when the manifest in the output folder describes exactly these inputs and every output is still there.</summary>
    public bool Unchanged(string outputDir)
    {
        if (!_sameAsRecorded) return false;
        var outputs = new OutputWriter(outputDir).PreviousOutputs();
        using var sizes = new FileSizes(outputDir);
        return outputs.Count > 0 && outputs.All(o => sizes.SizeOf(o) >= 0);
    }

    /// <summary>
    /// One hash of everything every page depends on: the generator, the options, the theme chain, the
    /// Node tools, site.yml and topics.yml; every input but the papers, each of which only some pages show.
    /// </summary>
    public string SharedHash => ViewHasher.Hex(ViewHasher.Of(_header, _entries.Where(e => !e.Name.StartsWith(PapersPrefix, StringComparison.Ordinal)).Select(e => e.Name + "\t" + e.Hash).ToList()));

    /// <summary>The hashes of the Node tools' package.json and package-lock.json: which KaTeX and Pagefind run.</summary>
    public string ToolPins { get; private init; } = "";

    /// <summary><see cref="ToolPins"/> without a scan, from the two files beside the themes folder.</summary>
    public static string ToolPinsFor(BuildOptions options)
    {
        var tools = Path.GetDirectoryName(Path.GetFullPath(options.ThemesDir))!;
        return string.Join(",", new[] { "package.json", "package-lock.json" }.Select(f => Path.Combine(tools, f)).Select(f => File.Exists(f) ? ContentHash.OfFile(f) : "-"));
    }

    /// <summary>The hash of the content's topics.yml ("none" without one), read from its bytes: what topics cached per paper were assigned under.</summary>
    public static string TaxonomyHash(BuildOptions options)
    {
        var path = Path.Combine(options.ContentDir, "topics.yml");
        return File.Exists(path) ? ContentHash.OfFile(path) : "none";
    }

    /// <summary>The hash of an input ("content/topics.yml"), or null when there is no such input.</summary>
    public string? HashOf(string name) => ByName.GetValueOrDefault(name)?.Hash;

    private Dictionary<string, Entry>? _byName;

    private Dictionary<string, Entry> ByName => _byName ??= _entries.ToDictionary(e => e.Name, StringComparer.Ordinal);

    /// <summary>This generator's build identity: anything it cached is only trusted by the same build of it.</summary>
    public static string Generator => typeof(InputManifest).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public void Write(string outputDir)
    {
        AtomicFile.Write(OutputWriter.ManifestFile(outputDir, FileName), stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
            text.WriteLine(_header);
            foreach (var e in _entries)
            {
                // A file no reader hashed (not a paper the loader reads): hashed now.
                var hash = e.Hash ??= HashOfFile(FullPath(e.Name));
                text.WriteLine(string.Join('\t', e.Name, e.Size.ToString(CultureInfo.InvariantCulture), e.Ticks.ToString(CultureInfo.InvariantCulture), hash));
            }
        }, durable: false);
    }

    private const string PapersPrefix = "content/" + ArchiveLoader.PapersFolder + "/";

    /// <summary>
    /// Recorded for a file the build may not read (a paper file left out for it, or one the loader
    /// or the theme then stops on): never a hash, and never taken over from the last build, since
    /// giving the file back its permission changes neither its size nor its time.
    /// </summary>
    private const string Unreadable = "unreadable";

    private static string HashOfFile(string full)
    {
        try
        {
            return ContentHash.OfFile(full);
        }
        catch (UnauthorizedAccessException)
        {
            return Unreadable;
        }
    }

    /// <summary>Where an input is on disk, from its name ("content/papers/…", "themes/default/…").</summary>
    private string FullPath(string name)
    {
        var root = _roots.First(r => name.StartsWith(r.Key + "/", StringComparison.Ordinal));
        return Path.Combine(root.Value, name[(root.Key.Length + 1)..]);
    }

    private sealed record Entry(string Name, long Size, long Ticks)
    {
        /// <summary>Null until known: a paper file new or resized since the last build is hashed by the loader.</summary>
        public string? Hash { get; set; }
    }

    private Entry[] _entries = [];
    private bool _sameAsRecorded;

    /// <summary>The last build's manifest, when it was made by this generator with these options; else null.</summary>
    private Dictionary<string, (long Size, long Ticks, string Hash)>? Recorded(string outputDir)
    {
        var path = OutputWriter.ManifestFile(outputDir, FileName);
        if (!File.Exists(path)) return null;
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != _header) return null;
        var recorded = new Dictionary<string, (long Size, long Ticks, string Hash)>(StringComparer.Ordinal);
        // Fields cut as spans: only the name and the hash become strings.
        Span<Range> fields = stackalloc Range[5];
        foreach (var line in lines.Skip(1))
        {
            var text = line.AsSpan();
            if (text.Split(fields, '\t') != 4
                || !long.TryParse(text[fields[1]], CultureInfo.InvariantCulture, out var size)
                || !long.TryParse(text[fields[2]], CultureInfo.InvariantCulture, out var ticks)) return null;
            recorded[text[fields[0]].ToString()] = (size, ticks, text[fields[3]].ToString());
        }
        return recorded;
    }

    /// <summary>
    /// Every file under the roots, by name, with its size and write time as the directory listing
    /// gives them (no second look at each file: at ten thousand papers, the names and lookups made
    /// for that were half of what a rebuild spent finding what changed). Editors' temporary files are
    /// left out, and so is content/'s lock (<see cref="FolderLock"/>): an ingest taking it changes nothing built.
    /// </summary>
    private IEnumerable<(string Name, string Full, long Size, long Ticks)> Files() =>
        _roots.Where(r => Directory.Exists(r.Value))
            .SelectMany(r =>
            {
                var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(r.Value));
                return new FileSystemEnumerable<(string, string, long, long)>(root,
                    (ref FileSystemEntry e) => (r.Key + "/" + RelativeName(root, e.Directory, e.FileName), e.ToFullPath(), e.Length, e.LastWriteTimeUtc.UtcDateTime.Ticks),
                    new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                {
                    ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory && !e.FileName.EndsWith(".tmp", StringComparison.Ordinal) && !FolderLock.IsLockFile(e.FileName),
                };
            })
            .OrderBy(f => f.Item1, StringComparer.Ordinal);

    /// <summary>"papers/x.md" for a file x.md in root/papers, with forward slashes on every system.</summary>
    private static string RelativeName(string root, ReadOnlySpan<char> directory, ReadOnlySpan<char> fileName)
    {
        var below = directory.Length > root.Length ? directory[(root.Length + 1)..] : [];
        var name = below.IsEmpty ? fileName.ToString() : string.Concat(below, "/", fileName);
        return Path.DirectorySeparatorChar == '/' ? name : name.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The paper files among the inputs, relative to the content folder ("papers/x.md"), in order: what the loader reads.</summary>
    public IReadOnlyList<string> PaperFiles =>
        _entries.Where(e => e.Name.StartsWith(PapersPrefix, StringComparison.Ordinal) && e.Name.EndsWith(".md", StringComparison.Ordinal))
            .Select(e => e.Name["content/".Length..]).ToList();
}
