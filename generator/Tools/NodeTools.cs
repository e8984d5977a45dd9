using System.Diagnostics;

namespace PaperTrail.Tools;

/// <summary>
/// The build's Node.js tools, pinned in the repository's package.json (found beside the themes
/// folder): Pagefind builds the search index, KaTeX (through tools/render-math.mjs) renders math.
/// They are installed with <c>npm ci</c> when missing, and unavailable when Node.js is not on the
/// machine or the install fails: the build then skips search and leaves math as text.
/// </summary>
public sealed class NodeTools
{
    public string PackageDir { get; }
    public string Pagefind => Path.Combine(PackageDir, "node_modules", ".bin", "pagefind");
    public string MathScript => Path.Combine(PackageDir, "tools", "render-math.mjs");

    private bool Installed =>
        File.Exists(Pagefind) && File.Exists(Path.Combine(PackageDir, "node_modules", "katex", "package.json"));

    private NodeTools(string packageDir) => PackageDir = packageDir;

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
        if (!OnPath("node") || !OnPath("npm"))
        {
            unavailable = "Node.js (node and npm) was not found";
            return null;
        }
        var tools = new NodeTools(packageDir);
        if (tools.Installed) return tools;

        // npm ci empties node_modules first: two builds installing at once (parallel tests, a build
        // beside a preview) would pull the tools from under each other, so installs take turns.
        using var turn = InstallLock(packageDir);
        if (tools.Installed) return tools; // installed by whoever held the lock before us
        log.WriteLine("tools: installing the pinned Pagefind and KaTeX (npm ci)");
        var (exit, output) = Run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], packageDir, TimeSpan.FromMinutes(5));
        if (exit == 0 && tools.Installed) return tools;
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
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
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

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));

    /// <summary>Runs a program to completion within a time limit; its output for messages.</summary>
    public static (int Exit, string Output) Run(string program, IEnumerable<string> args, string workingDir, TimeSpan limit, string? input = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            using var writer = new StreamWriter(process.StandardInput.BaseStream, new System.Text.UTF8Encoding(false));
            writer.Write(input);
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{program} did not finish within {limit.TotalSeconds:0} s");
        }
        return (process.ExitCode, output.Result + errors.Result);
    }
}
