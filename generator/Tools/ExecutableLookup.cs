namespace PaperTrail.Tools;

/// <summary>
/// Finds a program on PATH the way the system's shell does. On Windows a command is a file named
/// with one of the extensions PATHEXT lists, in its order (node.exe, npm.cmd): the extensionless
/// <c>npm</c> Node.js installs beside them is a shell script Windows cannot start. Elsewhere it is
/// the plain name, and only a file someone may execute. The system and its variables are
/// parameters, so that both rules can be checked on any machine.
/// </summary>
internal sealed class ExecutableLookup
{
    /// <summary>What cmd.exe assumes when PATHEXT is not set.</summary>
    private const string DefaultPathExt = ".COM;.EXE;.BAT;.CMD";

    /// <summary>
    /// The kinds of file a process can be started from on Windows: programs, and batch files
    /// (through cmd.exe, see <see cref="ProgramStart"/>). PATHEXT may list others (.VBS, .JS, .MSC),
    /// which only the shell's file associations open.
    /// </summary>
    private static readonly string[] Startable = [".com", ".exe", ".bat", ".cmd"];

    private readonly string[] _folders;
    private readonly string[] _extensions;

    public bool Windows { get; }

    public ExecutableLookup(string? path, string? pathExt, bool windows)
    {
        Windows = windows;
        _folders = (path ?? "").Split(windows ? ';' : ':')
            .Select(folder => windows ? folder.Trim().Trim('"') : folder) // Windows allows "C:\Program Files\nodejs"
            .Where(folder => folder.Length > 0)
            .ToArray();
        _extensions = windows
            ? (string.IsNullOrWhiteSpace(pathExt) ? DefaultPathExt : pathExt).Split(';')
                .Select(ext => ext.Trim().ToLowerInvariant())
                .Where(ext => Startable.Contains(ext))
                .Distinct()
                .ToArray()
            : [""];
    }

    /// <summary>This machine: its PATH and PATHEXT, its system.</summary>
    public static ExecutableLookup ForThisMachine() =>
        new(Environment.GetEnvironmentVariable("PATH"), Environment.GetEnvironmentVariable("PATHEXT"), OperatingSystem.IsWindows());

    /// <summary>The full path of the program the shell would run for <paramref name="name"/>, or null.</summary>
    public string? Find(string name)
    {
        foreach (var folder in _folders)
        {
            if (Windows && Startable.Contains(Path.GetExtension(name).ToLowerInvariant()) && File.Exists(Path.Combine(folder, name)))
                return Path.Combine(folder, name); // named in full already: node.exe
            foreach (var extension in _extensions)
            {
                var candidate = Path.Combine(folder, name + extension);
                if (File.Exists(candidate) && (Windows || MayExecute(candidate))) return candidate;
            }
        }
        return null;
    }

    /// <summary>On a POSIX system, a file without any execute bit is passed over, as a shell passes it over.</summary>
    private static bool MayExecute(string file) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
