using System.Diagnostics;
using System.Text;

namespace PaperTrail.Tests.Support;

/// <summary>
/// The generator started as its own process and not waited for (<see cref="GeneratorProcess.Start"/>):
/// for what needs two processes at once, such as two writers of one folder, or one killed while it
/// works. What it prints is collected as it comes; a test waits for a line, then acts.
/// </summary>
public sealed class RunningGenerator : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();

    internal RunningGenerator(ProcessStartInfo start)
    {
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_errors) _errors.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public string Errors { get { lock (_errors) return _errors.ToString(); } }

    /// <summary>Waits until the process printed <paramref name="text"/> (on either output); fails the test if it ends or a minute passes first.</summary>
    public void WaitFor(string text)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal) && !Errors.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || clock.Elapsed > TimeSpan.FromMinutes(1))
                Assert.Fail($"the generator never printed '{text}'\n{Result()}");
            Thread.Sleep(20);
        }
    }

    /// <summary>Waits for the process to end (two minutes at most) and returns what it did.</summary>
    public Generator.Result Finish()
    {
        if (!_process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("the generator did not finish in 2 minutes");
        }
        return Result();
    }

    /// <summary>Kills the process at once, as <c>kill -9</c> does on Linux and macOS: it runs no more code.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    private Generator.Result Result()
    {
        if (_process.HasExited) _process.WaitForExit(); // the rest of what it printed
        return new Generator.Result(_process.HasExited ? _process.ExitCode : -1, Output, Errors);
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
