using System.Diagnostics;
using System.Text.Json;

namespace PaperTrail.Tools;

/// <summary>
/// The build's Node.js tools, pinned in the repository's package.json (found beside the themes
/// folder): Pagefind builds the search index, KaTeX (through tools/render-math.mjs) renders math.
/// They are installed with <c>npm ci</c> when missing, and unavailable when Node.js is not on the
/// machine or the install fails: the build then skips search and leaves math as text.
/// </summary>
internal sealed class NodeTools
{
    public string PackageDir { get; }

    /// <summary>The node program (node.exe on Windows), in full.</summary>
    public string Node { get; }

    /// <summary>
    /// Pagefind's JavaScript entry point, run by <see cref="Node"/>: the shims npm puts in
    /// node_modules/.bin are a symbolic link here and a .cmd file on Windows, neither of which
    /// starts the same way everywhere.
    /// </summary>
    public string Pagefind { get; private set; } = "";

    public string MathScript => Path.Combine(PackageDir, "tools", "render-math.mjs");

    private NodeTools(string packageDir, string node) => (PackageDir, Node) = (packageDir, node);

    /// <summary>Whether both tools are installed; then <see cref="Pagefind"/> is where.</summary>
    private bool FoundInstalled()
    {
        var pagefind = PagefindEntry();
        if (pagefind is null || !File.Exists(Path.Combine(PackageDir, "node_modules", "katex", "package.json"))) return false;
        Pagefind = pagefind;
        return true;
    }

    /// <summary>The tools, ready to run, or null with the reason they are not.</summary>
    public static NodeTools? Prepare(string themesDir, TextWriter log, out string? unavailable)
    {
        unavailable = null;
        var packageDir = FindPackage(themesDir);
        if (packageDir is null)
        {
            unavailable = "no package.json that pins pagefind beside the themes folder";
            return null;
        }
        var lookup = ExecutableLookup.ForThisMachine();
        var (node, npm) = (lookup.Find("node"), lookup.Find("npm"));
        if (node is null || npm is null)
        {
            unavailable = "Node.js (node and npm) was not found";
            return null;
        }
        var tools = new NodeTools(packageDir, node);
        if (tools.FoundInstalled()) return tools;

        // npm ci empties node_modules first: two builds installing at once (parallel tests, a build
        // beside a preview) would pull the tools from under each other, so installs take turns.
        using var turn = InstallLock(packageDir);
        if (tools.FoundInstalled()) return tools; // installed by whoever held the lock before us
        log.WriteLine("tools: installing the pinned Pagefind and KaTeX (npm ci)");
        var (exit, output) = Run(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], packageDir, TimeSpan.FromMinutes(5));
        if (exit == 0 && tools.FoundInstalled()) return tools;
        unavailable = $"npm ci failed ({output.Trim().Split('\n').LastOrDefault()})";
        return null;
    }

    private static FileStream InstallLock(string packageDir)
    {
        var path = Path.Combine(packageDir, ".paper-trail-npm.lock");
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                // Never deleted: a file removed while another process waits on its lock would let a
                // third create a new one and hold it at the same time (the OS frees the lock with its holder).
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static string? FindPackage(string themesDir)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(themesDir)); dir is not null; dir = dir.Parent)
        {
            var package = Path.Combine(dir.FullName, "package.json");
            if (File.Exists(package) && File.ReadAllText(package).Contains("\"pagefind\"", StringComparison.Ordinal)) return dir.FullName;
        }
        return null;
    }

    /// <summary>
    /// Where npm installed Pagefind's command: the "bin" of node_modules/pagefind/package.json,
    /// either one path or one per command name. Null while Pagefind is not installed.
    /// </summary>
    private string? PagefindEntry()
    {
        var package = Path.Combine(PackageDir, "node_modules", "pagefind");
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(package, "package.json")));
            if (!json.RootElement.TryGetProperty("bin", out var bin)) return null;
            var relative = bin.ValueKind switch
            {
                JsonValueKind.String => bin.GetString(),
                JsonValueKind.Object when bin.TryGetProperty("pagefind", out var named) && named.ValueKind == JsonValueKind.String => named.GetString(),
                _ => null,
            };
            if (string.IsNullOrEmpty(relative)) return null;
            var entry = Path.GetFullPath(Path.Combine(package, relative));
            return File.Exists(entry) ? entry : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null; // not installed, or half installed: npm ci puts it right
        }
    }

    /// <summary>
    /// Runs a program to completion within a time limit; its output for messages. A bare name
    /// ("node") is looked up on PATH as the shell would; a batch file (npm.cmd) runs through cmd.exe.
    /// </summary>
    /// <param name="outputLine">Given each line of the program's standard output as it comes (a tool's own progress).</param>
    public static (int Exit, string Output) Run(string program, IEnumerable<string> args, string workingDir, TimeSpan limit, string? input = null,
        Action<string>? outputLine = null)
    {
        if (Path.GetFileName(program) == program) program = ExecutableLookup.ForThisMachine().Find(program) ?? program;
        var start = ProgramStart.For(program, args, OperatingSystem.IsWindows(), Environment.GetEnvironmentVariable("ComSpec") ?? "cmd.exe");
        start.WorkingDirectory = workingDir;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = input is not null;
        start.UseShellExecute = false;
        start.StandardOutputEncoding = System.Text.Encoding.UTF8;
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            using var writer = new StreamWriter(process.StandardInput.BaseStream, new System.Text.UTF8Encoding(false));
            writer.Write(input);
        }
        var output = outputLine is null ? process.StandardOutput.ReadToEndAsync() : ReadLines(process.StandardOutput, outputLine);
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{program} did not finish within {limit.TotalSeconds:0} s");
        }
        return (process.ExitCode, output.Result + errors.Result);
    }

    private static async Task<string> ReadLines(StreamReader reader, Action<string> outputLine)
    {
        var all = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            all.Append(line).Append('\n');
            outputLine(line);
        }
        return all.ToString();
    }
}
