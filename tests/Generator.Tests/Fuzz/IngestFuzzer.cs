using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Fuzz;

/// <summary>
/// Runs fuzz cases through <c>generator ingest</c> in process (<see cref="Generator.Run"/>: the
/// command line and its mapping of failures to exit codes, exactly as the program runs them) against
/// a small archive, and holds each to what a user is promised: exit 0 or 1, never a crash (70) or a
/// usage error; an answer within <see cref="HangGuard"/>; a refusal names the input and writes nothing;
/// what is written is read back without a problem. A failing input is kept under the system's temp
/// folder (paper-trail-fuzz/), named in the failure, to become a regression test.
/// </summary>
public sealed class IngestFuzzer : IDisposable
{
    /// <summary>How long one case may take before it counts as a hang.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    private readonly TempDir _dir = new();
    private readonly string _archive;
    private readonly FolderSnapshot _pristine;
    private int _cases, _refused, _written;
    private TimeSpan _slowest;
    private string _slowestCase = "";
    private readonly Stopwatch _total = new();
    private TimeSpan _writing;
    private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);

    public IngestFuzzer()
    {
        _archive = _dir["archive"];
        // base_url on example.org, as the links the mutations insert: the own-host rule runs too.
        _dir.Write("archive/site.yml", "schema_version: 1\ntitle: Fuzz\nbase_url: https://example.org/\n");
        var seed = _dir.Write("seed.txt", "SubscribeA Paper Already Here\nIts abstract.\nAnother Paper\nWith its own abstract.\n");
        var result = Generator.Run("ingest", seed, "--content", _archive, "--date", "2026-05-07");
        Assert.True(result.ExitCode == 0, result.ToString());
        _pristine = FolderSnapshot.Of(_archive);
    }

    /// <summary>Cases run, refused, written; the slowest; the time of all: for the test's output.</summary>
    public string Summary =>
        $"{_cases} cases: {_refused} refused (exit 1), {_written} written for real ({_writing.TotalSeconds:0.0} s); slowest {_slowest.TotalMilliseconds:0} ms ({_slowestCase}); all {_total.Elapsed.TotalSeconds:0.0} s"
        + "\nmost frequent refusals: " + string.Join("; ", _reasons.OrderByDescending(r => r.Value).Take(6).Select(r => $"{r.Value}× {r.Key}"));

    public void Run(ReaderProfile reader, FuzzCase fuzzCase)
    {
        _total.Start();
        try
        {
            RunOne(reader, fuzzCase);
        }
        finally
        {
            _total.Stop();
        }
    }

    private void RunOne(ReaderProfile reader, FuzzCase fuzzCase)
    {
        var bytes = fuzzCase.Input(reader);
        var number = Interlocked.Increment(ref _cases);
        var input = _dir.WriteBytes($"input{reader.Extension}", bytes); // one file, written over: fewer files to make
        var content = _archive;
        if (fuzzCase.Writes)
        {
            content = _dir[$"written/{number}"];
            foreach (var file in Directory.GetFiles(_archive, "*", SearchOption.AllDirectories))
                _dir.WriteBytes(Path.Combine($"written/{number}", Path.GetRelativePath(_archive, file)), File.ReadAllBytes(file));
        }
        var before = FolderSnapshot.Of(content);
        string[] args = ["ingest", input, "--content", content, "--date", "2026-05-08",
            .. fuzzCase.Writes ? Array.Empty<string>() : ["--dry-run"], .. fuzzCase.Named ? ["--source", reader.Source] : Array.Empty<string>()];

        var clock = Stopwatch.StartNew();
        // A thread of its own: on the shared pool, a run could wait seconds to start while other tests
        // block pool threads (a CI run on 2 cores saw a 0.1 s case "hang" for 10 s), which is no hang of ours.
        var run = Task.Factory.StartNew(() => Generator.Run(args), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!run.Wait(HangGuard)) Fail($"no answer after {HangGuard.TotalSeconds:0} s (a hang)", null);
        var result = run.Result;
        if (clock.Elapsed > _slowest) (_slowest, _slowestCase) = (clock.Elapsed, fuzzCase.ToString());
        if (fuzzCase.Writes) _writing += clock.Elapsed;

        if (result.ExitCode is not (ExitCodes.Ok or ExitCodes.InputError) || result.Errors.Contains("crash:", StringComparison.Ordinal))
            Fail($"exit {result.ExitCode}, where 0 or 1 was expected", result);
        var changed = before.Differences(FolderSnapshot.Of(content));
        if (result.ExitCode == ExitCodes.InputError)
        {
            _refused++;
            var reason = Regex.Replace(result.Errors.Split('\n')[0], @"^error: [^:]*(:\d+)?: ", "");
            reason = reason[..Math.Min(reason.Length, 70)];
            _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
            if (!result.Errors.Contains(Path.GetFileName(input), StringComparison.Ordinal)) Fail("refused without naming the input", result);
            if (changed.Count > 0) Fail($"refused, yet wrote {string.Join(", ", changed)}", result);
        }
        else if (!fuzzCase.Writes)
        {
            if (changed.Count > 0) Fail($"a dry run wrote {string.Join(", ", changed)}", result);
        }
        else
        {
            _written++;
            var problems = new List<ContentProblem>();
            ArchiveLoader.LoadPapers(content, problems);
            if (problems.Count > 0) Fail($"wrote papers that cannot be read back: {string.Join("; ", problems.Take(3))}", result);
        }
        if (fuzzCase.Writes) Directory.Delete(content, recursive: true);

        void Fail(string what, Generator.Result? answer)
        {
            var kept = Keep(reader, bytes);
            Assert.Fail($"{reader.Source}: {what}\ncase: {fuzzCase}\ninput kept as {kept} ({bytes.Length} bytes)\n{(answer is null ? "" : Shorten(answer.ToString()))}");
        }
    }

    /// <summary>The whole suite promises never to have written to the archive it starts from.</summary>
    public void AssertArchiveUntouched() => Assert.Empty(_pristine.Differences(FolderSnapshot.Of(_archive)));

    private static string Keep(ReaderProfile reader, byte[] bytes)
    {
        var folder = Path.Combine(Path.GetTempPath(), "paper-trail-fuzz");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{reader.Source}-{Convert.ToHexString(SHA256.HashData(bytes))[..16]}{reader.Extension}");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Shorten(string text) => text.Length <= 4000 ? text : text[..4000] + $"… ({text.Length} characters)";

    public void Dispose() => _dir.Dispose();
}
