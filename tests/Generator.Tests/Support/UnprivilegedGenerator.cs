using System.Diagnostics;

namespace PaperTrail.Tests.Support;

/// <summary>
/// Runs the generator as its own process under a user whom file modes bind: the test's own user,
/// or, when the tests run as root (CI's container, where <c>chmod 000</c> stops nobody), the user
/// "nobody" by way of <c>setpriv</c>. So "a file the generator may not read" is real everywhere.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class UnprivilegedGenerator
{
    private const string Setpriv = "/usr/bin/setpriv";
    private const int Nobody = 65534;

    /// <summary>
    /// The generator where "nobody" may run it: the test's own build folder may sit in a folder only
    /// root may enter (CI clones into a `mktemp -d` folder, mode 700), so as root it is run from a copy
    /// in a folder of its own that everyone may read, removed when the test process ends.
    /// </summary>
    private static readonly Lazy<string> Dll = new(() =>
    {
        if (!Environment.IsPrivilegedProcess) return GeneratorProcess.Dll;
        var folder = Path.Combine(Path.GetTempPath(), "paper-trail-unprivileged-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory).Where(f => f.EndsWith(".dll", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("generator.", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        // The native libraries of this platform (Skia's, which draws the share cards), where the runtime looks for them.
        var rid = (OperatingSystem.IsMacOS() ? "osx-" : "linux-") + System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var native = Path.Combine("runtimes", rid, "native");
        if (Directory.Exists(Path.Combine(AppContext.BaseDirectory, native)))
        {
            Directory.CreateDirectory(Path.Combine(folder, native));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, native)))
                File.Copy(file, Path.Combine(folder, native, Path.GetFileName(file)));
        }
        Share(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return Path.Combine(folder, Path.GetFileName(GeneratorProcess.Dll));
    });


    /// <summary>Opens <paramref name="folder"/> and all under it to the user the generator runs as.</summary>
    public static void Share(string folder)
    {
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111); // not sticky: the generator replaces files in it
        foreach (var dir in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(dir, (UnixFileMode)0b111_111_111);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(file, (UnixFileMode)0b110_110_110);
    }

    /// <summary>Takes every permission away from a file: nobody but root may read it.</summary>
    public static void MakeUnreadable(string file) => File.SetUnixFileMode(file, UnixFileMode.None);

    public static Generator.Result Run(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.IsPrivilegedProcess ? Setpriv : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Environment.IsPrivilegedProcess)
        {
            foreach (var arg in new[] { $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "dotnet" }) start.ArgumentList.Add(arg);
            start.Environment["HOME"] = Path.GetTempPath(); // nobody's own is not there to write to
            start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        }
        start.ArgumentList.Add(Dll.Value);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the generator did not finish in 2 minutes");
        }
        return new Generator.Result(process.ExitCode, output.Result, errors.Result);
    }
}

/// <summary>A test of files the generator may not read: skipped, saying why, where none can be made (Windows; root without setpriv).</summary>
public sealed class UnreadableFilesFactAttribute : FactAttribute
{
    public UnreadableFilesFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "needs POSIX file modes (chmod)";
        else if (Environment.IsPrivilegedProcess && !File.Exists("/usr/bin/setpriv"))
            Skip = "runs as root, and setpriv (util-linux) is not there to run the generator as another user";
    }
}
