using System.Globalization;
using System.IO.Enumeration;
using System.Text;
using PaperTrail.Content;
using PaperTrail.Output;
using PaperTrail.Site;

namespace PaperTrail.Incremental;

/// <summary>
/// What a build was made from: every input file (content, the theme chain, the Node tools' pins)
/// with its size, write time and hash, plus the generator's identity and the options that change
/// output. Kept in the output folder beside the outputs manifest. When nothing in it changed, the
/// next build ends at once, without parsing the archive. Paths are relative, times only compared.
/// </summary>
internal sealed class InputManifest
{
    public const string FileName = "inputs.txt";
    private const string Format = "paper-trail-inputs 2";

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
        // A site.yml that cannot be read names the default theme here; the loader reports why.
        var problems = new List<ContentProblem>();
        var sitePath = Path.Combine(options.ContentDir, "site.yml");
        var theme = ArchiveLoader.Settings(sitePath, problems) is { } siteText ? SiteConfigReader.Read(sitePath, siteText, problems).Theme : "default";
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
            var entry = files[i];
            // TryGetValue, not GetValueOrDefault: a file the last build did not record would be a tuple of
            // zeros and no hash, "recorded" with the size of an empty file.
            (long Size, long Ticks, string Hash)? before = recorded is not null && recorded.TryGetValue(entry.Name, out var found) ? found : null;
            string? hash;
            // A link followed (in the theme chain) may point at other bytes with its own size and time unchanged: always hashed.
            if (before is { } was && was.Size == entry.Size && !(entry.Link && !entry.Name.StartsWith(ContentPrefix, StringComparison.Ordinal)) && !was.Hash.StartsWith(Unreadable, StringComparison.Ordinal))
                // Same size and time: unchanged. Same size, new time (a fresh checkout): the bytes' hash decides.
                hash = was.Ticks == entry.Ticks ? was.Hash : HashOf(entry);
            else
                hash = entry.Name.StartsWith(PapersPrefix, StringComparison.Ordinal) && !entry.Link ? null : HashOf(entry);
            if (hash is null || before?.Hash != hash) Interlocked.Increment(ref changed);
            entries[i] = entry with { Hash = hash };
        });
        _sameAsRecorded = recorded is not null && recorded.Count == entries.Length && changed == 0;
        return entries;
    }

    /// <summary>The hash of an input the loader read and hashed (its size and time as scanned).</summary>
    public void Know(string name, string hash)
    {
        if (ByName.TryGetValue(name, out var entry)) entry.Hash ??= hash;
    }

    /// <summary>True when the manifest in the output folder describes exactly these inputs and every output the last build wrote is still there.</summary>
    public bool Unchanged(string outputDir, IReadOnlyList<string> outputs)
    {
        if (!_sameAsRecorded || outputs.Count == 0) return false;
        using var sizes = new FileSizes(outputDir);
        // Tens of thousands of system calls, most of it waiting on the kernel: on every core.
        var missing = 0;
        Parallel.For(0, outputs.Count, (i, loop) =>
        {
            if (sizes.SizeOf(outputs[i]) >= 0) return;
            Interlocked.Increment(ref missing);
            loop.Stop();
        });
        return missing == 0;
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

    /// <summary>
    /// The hash of the content's topics.yml ("none" without one), read from its bytes, and of its topic
    /// model (topics-model.txt) when there is one: what topics cached per paper were assigned under.
    /// </summary>
    public static string TaxonomyHash(BuildOptions options)
    {
        var taxonomy = HashOfSetting(Path.Combine(options.ContentDir, "topics.yml"));
        // [issue 31] Topics come from the rules and the learned model together: a new model assigns them again.
        var model = Path.Combine(options.ContentDir, Topics.TopicModel.FileName);
        return File.Exists(model) || ContentFile.LinkTarget(new FileInfo(model)) is not null ? $"{taxonomy}+model:{HashOfSetting(model)}" : taxonomy;
    }

    private static string HashOfSetting(string path)
    {
        if (!File.Exists(path) && ContentFile.LinkTarget(new FileInfo(path)) is null) return "none";
        // A file refused (a link, a pipe, too large) is never opened; the loader says why, and the build stops.
        return ContentFile.Read(path, out _) is { } bytes ? ContentHash.Of(bytes) : Unreadable;
    }

    /// <summary>The hash of an input ("content/topics.yml"), or null when there is no such input.</summary>
    public string? HashOf(string name) => ByName.GetValueOrDefault(name)?.Hash;

    private Dictionary<string, Entry>? _byName;

    private Dictionary<string, Entry> ByName => _byName ??= _entries.ToDictionary(e => e.Name, StringComparer.Ordinal);

    /// <summary>This generator's build identity: anything it cached is only trusted by the same build of it.</summary>
    public static string Generator => typeof(InputManifest).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public void Write(string outputDir)
    {
        CheckedFile.Write(OutputWriter.ManifestFile(outputDir, FileName), stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
            text.WriteLine(_header);
            foreach (var e in _entries)
            {
                // A file no reader hashed (a paper the loader refused, or none a reader reads): hashed now.
                var hash = e.Hash ??= HashOf(e);
                text.WriteLine(string.Join('\t', e.Name, e.Size.ToString(CultureInfo.InvariantCulture), e.Ticks.ToString(CultureInfo.InvariantCulture), hash));
            }
        });
    }

    private const string ContentPrefix = "content/";
    private const string PapersPrefix = ContentPrefix + ArchiveLoader.PapersFolder + "/";

    /// <summary>The hash of an input that could not be read: never trusted as a recorded hash, so the next build reads it again.</summary>
    private const string Unreadable = "unreadable";

    /// <summary>
    /// An input's hash, reading what its reader reads and nothing it refuses (<see cref="ContentFile"/>):
    /// a link under content/ by where it points, never followed; an entry that lists as empty (a pipe
    /// or a device does) never opened; a file of content/ over its cap by its size, never read, as its
    /// reader refuses it whatever it holds. A link of the theme chain is followed, as the theme's
    /// readers follow it. What cannot be read is a hash of its own, for its reader to report.
    /// </summary>
    private static string HashOf(Entry entry)
    {
        var inContent = entry.Name.StartsWith(ContentPrefix, StringComparison.Ordinal);
        try
        {
            if (entry.Link && inContent)
                return "link-" + ContentHash.Of(Encoding.UTF8.GetBytes(ContentFile.LinkTarget(new FileInfo(entry.Full)) ?? ""));
            if (!entry.Link && entry.Size == 0) return ContentHash.Of([]);
            if (inContent && entry.Size > ContentFile.MaxBytes(entry.Full)) return "over-" + entry.Size.ToString(CultureInfo.InvariantCulture);
            // A link of the theme chain lists with its own size: what it leads to decides (a loop throws, caught below).
            if (entry.Link)
            {
                if (File.ResolveLinkTarget(entry.Full, returnFinalTarget: true) is not FileInfo { Exists: true } target) return Unreadable;
                if (target.Length == 0) return ContentHash.Of([]);
            }
            return ContentHash.OfFile(entry.Full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unreadable;
        }
    }

    /// <param name="Link">A symbolic link: under content/ never followed (its loader refuses it), in the theme chain followed.</param>
    /// <param name="Folder">A link to a folder under content/, listed rather than gone into.</param>
    private sealed record Entry(string Name, string Full, long Size, long Ticks, bool Link = false, bool Folder = false)
    {
        /// <summary>Null until known: a paper file new or resized since the last build is hashed by the loader.</summary>
        public string? Hash { get; set; }
    }

    private Entry[] _entries = [];
    private bool _sameAsRecorded;

    /// <summary>Why the last build's manifest could not be used, when it was damaged or unreadable.</summary>
    public string? Damage { get; private set; }

    /// <summary>The last build's manifest, when it was made by this generator with these options; else null.</summary>
    private Dictionary<string, (long Size, long Ticks, string Hash)>? Recorded(string outputDir)
    {
        var file = CheckedFile.Read(OutputWriter.ManifestFile(outputDir, FileName));
        Damage = file.Damage;
        if (!file.Found) return null;
        var lines = file.Lines().ToArray();
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
    /// content/ is listed as the loader lists it (<see cref="ContentListing"/>): a link is an entry of its
    /// own, a linked folder not gone into.
    /// </summary>
    private IEnumerable<Entry> Files() =>
        _roots.Where(r => Directory.Exists(r.Value))
            .SelectMany(r =>
            {
                var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(r.Value));
                var content = r.Key == "content";
                return new FileSystemEnumerable<Entry>(root,
                    (ref FileSystemEntry e) => new Entry(r.Key + "/" + RelativeName(root, e.Directory, e.FileName), e.ToFullPath(), e.Length, e.LastWriteTimeUtc.UtcDateTime.Ticks,
                        Link: (e.Attributes & FileAttributes.ReparsePoint) != 0 && ContentListing.IsLink(ref e), Folder: e.IsDirectory),
                    ContentListing.Options)
                {
                    ShouldIncludePredicate = (ref FileSystemEntry e) => (content ? ContentListing.Listed(ref e) : !e.IsDirectory)
                        && !e.FileName.EndsWith(".tmp", StringComparison.Ordinal) && !FolderLock.IsLockFile(e.FileName),
                    ShouldRecursePredicate = (ref FileSystemEntry e) => !content || ContentListing.Recurse(ref e),
                };
            })
            .OrderBy(f => f.Name, StringComparer.Ordinal);

    /// <summary>"papers/x.md" for a file x.md in root/papers, with forward slashes on every system.</summary>
    private static string RelativeName(string root, ReadOnlySpan<char> directory, ReadOnlySpan<char> fileName)
    {
        var below = directory.Length > root.Length ? directory[(root.Length + 1)..] : [];
        var name = below.IsEmpty ? fileName.ToString() : string.Concat(below, "/", fileName);
        return Path.DirectorySeparatorChar == '/' ? name : name.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The paper files among the inputs, relative to the content folder ("papers/x.md"), in order: what the loader reads.</summary>
    public IReadOnlyList<string> PaperFiles =>
        _entries.Where(e => e.Name.StartsWith(ContentPrefix, StringComparison.Ordinal) && ContentListing.IsPaper(e.Name[ContentPrefix.Length..], e.Folder))
            .Select(e => e.Name[ContentPrefix.Length..]).ToList();
}
