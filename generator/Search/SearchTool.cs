using System.Diagnostics;

namespace PaperTrail.Search;

/// <summary>
/// Pagefind, the search indexer, as pinned in the repository's package.json: found beside the
/// themes folder, installed with <c>npm ci</c> when missing, unavailable (and search skipped) when
/// Node.js is not on the machine or the install fails.
/// </summary>
public sealed class SearchTool
{
    public string PackageDir { get; }
    public string Executable => Path.Combine(PackageDir, "node_modules", ".bin", "pagefind");

    private SearchTool(string packageDir) => PackageDir = packageDir;

    /// <summary>The tool, ready to run, or null with the reason search is skipped.</summary>
    public static SearchTool? Prepare(string themesDir, TextWriter log, out string? skipped)
    {
        skipped = null;
        var packageDir = FindPackage(themesDir);
        if (packageDir is null)
        {
            skipped = "no package.json that pins pagefind beside the themes folder";
            return null;
        }
        if (!OnPath("node") || !OnPath("npm"))
        {
            skipped = "Node.js (node and npm) was not found";
            return null;
        }
        var tool = new SearchTool(packageDir);
        if (File.Exists(tool.Executable)) return tool;

        log.WriteLine("search: installing the pinned Pagefind (npm ci)");
        var (exit, output) = Run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], packageDir, TimeSpan.FromMinutes(5));
        if (exit == 0 && File.Exists(tool.Executable)) return tool;
        skipped = $"npm ci failed ({output.Trim().Split('\n').LastOrDefault()})";
        return null;
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
    public static (int Exit, string Output) Run(string program, IEnumerable<string> args, string workingDir, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
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
