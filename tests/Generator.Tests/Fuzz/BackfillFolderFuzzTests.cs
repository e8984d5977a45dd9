using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using PaperTrail.Errors;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Fuzz;

/// <summary>
/// A backfill folder holding, among real answers, what is not a file to read: FIFOs, links to
/// <c>/dev/zero</c>, links that loop or lead nowhere, empty files, folders. Whatever the mix, ingest of
/// the folder answers within the hang guard: exit 0 when all it reads are papers, else exit 1
/// naming the first input that is not (in name order, as the folder is read) and writing nothing.
/// Linux only: elsewhere a FIFO is not told from a file (docs/security.md, "Limits").
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class BackfillFolderFuzzTests : IDisposable
{
    public enum Entry { Answer, LinkToAnswer, Empty, Fifo, LinkToDevice, LoopingLink, DanglingLink, Folder }

    private readonly TempDir _dir = new();
    private int _cases;

    public void Dispose() => _dir.Dispose();

    /// <summary>What ingest says of an entry that is not a paper's input, or null for one it reads (or, a folder, never sees).</summary>
    private static string? Refusal(Entry entry) => entry switch
    {
        Entry.Empty => "no paper could be read",
        Entry.Fifo => "a FIFO (named pipe), not a file",
        Entry.LinkToDevice => "a character device, not a file",
        Entry.LoopingLink => "a symbolic link that loops",
        Entry.DanglingLink => "no such file",
        _ => null,
    };

    [LinuxFact("FIFOs and devices told from files before they are opened")]
    public void Any_mix_of_answers_fifos_devices_and_broken_links_is_read_or_refused_naming_the_first()
    {
        var mixes = Gen.Elements(Enum.GetValues<Entry>()).ListOf().Where(l => l.Count is >= 1 and <= 6).ToArbitrary();
        Prop.ForAll(mixes, entries => Run([.. entries])).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    private void Run(Entry[] entries)
    {
        var number = ++_cases;
        var content = _dir[$"content-{number}"];
        var folder = _dir[$"backfill-{number}"];
        Directory.CreateDirectory(folder);
        var answer = Path.Combine(Repo.Fixtures, "hf-json", "api-daily_papers_2026-05-08_trimmed.json");
        for (var i = 0; i < entries.Length; i++)
        {
            var path = Path.Combine(folder, $"{i:D2}.json");
            switch (entries[i])
            {
                case Entry.Answer: File.Copy(answer, path); break;
                case Entry.LinkToAnswer: File.CreateSymbolicLink(path, answer); break;
                case Entry.Empty: File.WriteAllBytes(path, []); break;
                case Entry.Fifo: MakeFifo(path); break;
                case Entry.LinkToDevice: File.CreateSymbolicLink(path, "/dev/zero"); break;
                case Entry.LoopingLink: File.CreateSymbolicLink(path, path); break;
                case Entry.DanglingLink: File.CreateSymbolicLink(path, Path.Combine(folder, "gone.json")); break;
                case Entry.Folder: Directory.CreateDirectory(path); break;
            }
        }
        var before = FolderSnapshot.Of(content);

        // A thread of its own, not one the shared pool may be slow to give (see IngestFuzzer).
        var run = Task.Factory.StartNew(() => Generator.Run("ingest", folder, "--content", content, "--date", "2026-05-08"),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(run.Wait(IngestFuzzer.HangGuard), $"[{string.Join(", ", entries)}]: no answer in {IngestFuzzer.HangGuard.TotalSeconds} s");
        var result = run.Result;

        var context = $"[{string.Join(", ", entries)}]\n{result}";
        var first = Enumerable.Range(0, entries.Length).FirstOrDefault(i => Refusal(entries[i]) is not null, -1);
        var readsNothing = entries.All(e => e == Entry.Folder);
        if (first < 0 && !readsNothing)
        {
            Assert.True(result.ExitCode == ExitCodes.Ok, context);
            return;
        }
        Assert.True(result.ExitCode == ExitCodes.InputError, context);
        Assert.Empty(before.Differences(FolderSnapshot.Of(content)));
        if (first >= 0) Assert.Contains($"{first:D2}.json: {Refusal(entries[first])}", result.Errors);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
