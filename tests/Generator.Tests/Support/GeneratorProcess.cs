using System.Diagnostics;

namespace PaperTrail.Tests.Support;

/// <summary>
/// Runs the generator as its own process, for what cannot happen in-process: a process that dies
/// half-way (fault injection) or a server that runs until stopped.
/// </summary>
public static class GeneratorProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "generator.dll");

    public static Generator.Result Run(IDictionary<string, string>? environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the generator did not finish in 2 minutes");
        }
        return new Generator.Result(process.ExitCode, output.Result, errors.Result);
    }

    /// <summary>Starts the generator and returns at once: for two processes at once, or one to kill.</summary>
    public static RunningGenerator Start(IDictionary<string, string>? environment, params string[] args) => new(StartInfo(environment, args));

    private static ProcessStartInfo StartInfo(IDictionary<string, string>? environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return start;
    }
}
