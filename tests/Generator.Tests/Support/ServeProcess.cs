using System.Diagnostics;
using System.Globalization;

namespace PaperTrail.Tests.Support;

/// <summary>
/// <c>generator serve</c> started as a user starts it (<c>dotnet generator.dll serve …</c>, search off),
/// on a free port of localhost, for a fixture site into a preview folder. Every line it prints, on
/// either output, goes to <c>onLine</c> as it comes. Disposing stops it and all it started.
/// </summary>
public sealed class ServeProcess : IDisposable
{
    private readonly Process _process;

    public ServeProcess(FixtureSite site, string previewDir, Action<string?> onLine)
    {
        Port = TestFiles.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in Args(site, previewDir, Port).Prepend(GeneratorProcess.Dll)) start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => onLine(e.Data);
        _process.ErrorDataReceived += (_, e) => onLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The port it was asked to serve on.</summary>
    public int Port { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>serve's arguments, as a user types them after <c>generator</c>.</summary>
    public static string[] Args(FixtureSite site, string previewDir, int port) =>
        ["serve", "--content", site.Content, "--themes", site.Themes, "--output", previewDir, "--port", port.ToString(CultureInfo.InvariantCulture), "--no-search"];

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5000);
        _process.Dispose();
    }
}
