using System.Diagnostics;
using System.Net;
using System.Text;
using PaperTrail.Errors;
using PaperTrail.Ingest;
using PaperTrail.Ingest.Web;
using PaperTrail.Tests.Support;
using static PaperTrail.Tests.Ingest.HfAnswers;

namespace PaperTrail.Tests.Ingest;

/// <summary>
/// Inputs that cost more than any real one (deep nesting, huge answers, devices that never end,
/// FIFOs that never open) are refused with exit 1 within a few seconds, naming the file (and the
/// line where there is one), and the archive is left as it was. Before, the deep XML killed the
/// process (exit 134), the unclosed tags took two minutes, /dev/zero ran ingest out of memory and
/// a FIFO in a backfill folder hung it. The bound of 5 s guards against a hang, not a benchmark:
/// each is refused in well under a second.
/// </summary>
public sealed class InputLimitTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);
    private readonly TempDir _dir = new();
    private readonly FolderSnapshot _before;
    private string Content => _dir["content"];

    public InputLimitTests()
    {
        var seed = Generator.Run("ingest", _dir.Write("seed.txt", "SubscribeA Paper Already Here\nIts abstract.\n"), "--content", Content, "--date", "2026-11-27");
        Assert.True(seed.ExitCode == 0, seed.ToString());
        _before = FolderSnapshot.Of(Content);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Ingest in process, on a task: a hang fails the test at the bound's double instead of stopping the run.</summary>
    private (Generator.Result Result, TimeSpan Took) Ingest(params string[] inputs)
    {
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => Generator.Run(["ingest", .. inputs, "--content", Content, "--date", "2026-11-28"]));
        Assert.True(run.Wait(Bound * 2), $"ingest of {string.Join(", ", inputs)} gave no answer in {(Bound * 2).TotalSeconds} s");
        return (run.Result, clock.Elapsed);
    }

    /// <param name="inTime">Whether it must take less than <see cref="Bound"/>: not so for a limit of memory (elements), where the parser reads half a million first.</param>
    private void AssertRefused((Generator.Result Result, TimeSpan Took) ingest, string message, bool inTime = true)
    {
        Assert.True(ingest.Result.ExitCode == ExitCodes.InputError, ingest.Result.ToString());
        Assert.Contains(message, ingest.Result.Errors);
        Assert.True(!inTime || ingest.Took < Bound, $"took {ingest.Took.TotalSeconds:0.0} s");
        Assert.Empty(_before.Differences(FolderSnapshot.Of(Content)));
    }

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    [Fact]
    public void Arxiv_xml_nested_200000_deep_is_refused_at_its_line_within_seconds()
    {
        var xml = _dir.Write("deep.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>http://arxiv.org/api/x</id>\n"
            + Repeat("<a>", 200_000) + Repeat("</a>", 200_000) + "</feed>\n");

        AssertRefused(Ingest(xml), "deep.xml:3: elements nested more than 64 deep");
    }

    [Fact]
    public void Arxiv_xml_with_more_elements_than_the_cap_is_refused()
    {
        var xml = _dir.Write("wide.xml",
            "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>http://arxiv.org/api/x</id>\n" + Repeat("<a/>", InputLimits.MaxElements) + "</feed>\n");

        AssertRefused(Ingest(xml), "wide.xml:3: more than 500,000 elements", inTime: false);
    }

    [Fact]
    public void A_page_of_800_kb_of_unclosed_b_tags_is_refused_within_seconds()
    {
        var page = _dir.Write("unclosed.html", "<!DOCTYPE html>\n<html><head><title>x</title></head><body>\n" + Repeat("<b>", 800 * 1024 / 3) + "</body></html>\n");

        AssertRefused(Ingest(page, "--source", "hf-html"), "unclosed.html:3: elements nested more than 256 deep (unclosed tags?)");
    }

    [Theory]
    [InlineData("<div>")]             // each start tag scans the open elements for a <p> to close
    [InlineData("<i><div>")]          // and reopens the formatting elements a block closed
    [InlineData("<table><td><b x=1>")] // inside a table's cells, with formatting elements that differ
    public void Pages_nested_by_other_unclosed_tags_are_refused_within_seconds(string tags)
    {
        var page = _dir.Write("nested.html", "<!DOCTYPE html>\n<html><body>\n" + Repeat(tags, 400 * 1024 / tags.Length) + "</body></html>\n");

        AssertRefused(Ingest(page), "nested.html:3: elements nested more than 256 deep");
    }

    [Fact]
    public void A_page_with_more_elements_than_the_cap_is_refused()
    {
        var page = _dir.Write("wide.html", "<!DOCTYPE html>\n<html><body>\n" + Repeat("<br>", InputLimits.MaxElements) + "</body></html>\n");

        AssertRefused(Ingest(page), "wide.html:3: more than 500,000 elements", inTime: false);
    }

    [Fact]
    public void A_real_page_is_read_as_before()
    {
        var (result, took) = Ingest(Path.Combine(Repo.Fixtures, "hf-html", "daily-list_2024-08-01_raw.html"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("13 new", result.Output);
        Assert.True(took < Bound);
    }

    [Fact]
    public void Json_nested_100000_deep_is_refused_with_its_line()
    {
        var json = _dir.Write("deep.json", "[\n" + Repeat("[", 100_000) + Repeat("]", 100_000) + "\n]\n");

        AssertRefused(Ingest(json), "deep.json:2: not valid JSON: The maximum configured depth of 64 has been exceeded");
    }

    [Fact]
    public void A_page_whose_embedded_json_nests_too_deep_is_refused_as_no_papers_page()
    {
        var page = _dir.Write("deep.html", Page(Repeat("[", 10_000) + Repeat("]", 10_000)));

        AssertRefused(Ingest(page), "deep.html: not a Hugging Face papers page");
    }

    [Fact]
    public void Json_of_more_records_than_the_cap_is_refused_before_they_are_read()
    {
        var json = _dir.Write("many.json", "[" + string.Join(",", Enumerable.Repeat("0", InputLimits.MaxRecords + 1)) + "]");

        AssertRefused(Ingest(json), "many.json: 100,001 records, more than the 100,000 an input may have");
    }

    [Fact]
    public void A_scrape_of_more_records_than_the_cap_is_refused()
    {
        var scrape = _dir.Write("many.txt", "SubscribeA Title\nAn abstract.\n" + Repeat("Another Title\nAnother abstract.\n", InputLimits.MaxRecords));

        AssertRefused(Ingest(scrape), "many.txt: 100,001 records, more than the 100,000 an input may have");
    }

    [Fact]
    public void Records_skipped_are_listed_up_to_a_hundred_and_the_rest_counted()
    {
        var json = _dir.Write("mixed.json", Daily([Item("2605.00001", "The One Paper"), .. Enumerable.Range(0, 300).Select(_ => Item("2605.00002", "   "))]));

        var (result, _) = Ingest(json);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ingest: 1 new, 0 updated, 0 unchanged, 300 skipped", result.Output);
        Assert.Equal(100, result.Errors.Split('\n').Count(l => l.Contains("skipped: no usable title", StringComparison.Ordinal)));
        Assert.Contains("mixed.json: and 200 more records skipped", result.Errors);
    }

    [Fact]
    public void An_input_over_64_mb_is_refused_before_it_is_read()
    {
        var path = _dir["huge.json"];
        using (var file = File.Create(path)) file.SetLength(InputLimits.MaxInputBytes + 1L); // sparse: no disk, no memory

        AssertRefused(Ingest(path), "huge.json: 67,108,865 bytes, more than the 64 MB (67,108,864 bytes) an input may have");
    }

    [PosixTheory("character devices")]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void An_endless_device_is_refused_naming_it(string device)
    {
        var ingest = Ingest(device);

        AssertRefused(ingest, device + ": ");
        // Elsewhere than Linux a device is read up to the size cap, then refused as too large.
        if (OperatingSystem.IsLinux()) Assert.Contains("a character device, not a file", ingest.Result.Errors);
    }

    [LinuxFact("a FIFO told from a file before it is opened")]
    public void A_fifo_in_a_backfill_folder_is_refused_without_being_opened()
    {
        var folder = _dir["backfill"];
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(Repo.Corpus, "2025-11-21.json"), Path.Combine(folder, "a.json"));
        MakeFifo(Path.Combine(folder, "b.json"));

        // Opening a FIFO waits for a writer, and there is none: a reader that opened it would hang here.
        AssertRefused(Ingest(folder), Path.Combine("backfill", "b.json") + ": a FIFO (named pipe), not a file");
    }

    [PosixFact("symbolic links")]
    public void A_symbolic_link_to_a_file_in_a_folder_is_read()
    {
        var folder = _dir["linked"];
        Directory.CreateDirectory(folder);
        File.CreateSymbolicLink(Path.Combine(folder, "a.json"), Path.Combine(Repo.Corpus, "2025-11-21.json"));

        var (result, _) = Ingest(folder);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ingest: 22 new", result.Output);
    }

    [PosixFact("symbolic links")]
    public void A_symbolic_link_that_loops_or_leads_nowhere_is_refused_naming_it()
    {
        var folder = _dir["links"];
        Directory.CreateDirectory(folder);
        File.CreateSymbolicLink(Path.Combine(folder, "loop.json"), Path.Combine(folder, "loop.json"));
        File.CreateSymbolicLink(Path.Combine(folder, "nowhere.json"), Path.Combine(folder, "gone.json"));

        AssertRefused(Ingest(Path.Combine(folder, "loop.json")), "loop.json: a symbolic link that loops");
        AssertRefused(Ingest(Path.Combine(folder, "nowhere.json")), "nowhere.json: no such file");
    }

    [Fact]
    public void A_fetched_answer_larger_than_the_cap_is_refused_at_once_not_asked_for_again()
    {
        using var server = new StubHttpServer(new StubHttpServer.AnswerBytes(200, new byte[5_000], "application/json"));
        using var fetcher = new PaperFetcher(new FetchSettings { MaxBytes = 1_000, Retries = 3, BaseDelay = TimeSpan.FromMilliseconds(10) }, TextWriter.Null);

        var refused = Assert.Throws<UserError>(() => fetcher.FetchAsync(new Uri(server.BaseUrl, "api/daily_papers")).GetAwaiter().GetResult());

        Assert.Contains("the answer is larger than the", refused.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void An_endless_answer_is_read_up_to_the_cap_and_refused()
    {
        using var fetcher = new PaperFetcher(new FetchSettings { MaxBytes = 1_000_000, Retries = 0 }, TextWriter.Null, new EndlessAnswer());

        var refused = Assert.Throws<UserError>(() => fetcher.FetchAsync(new Uri("https://huggingface.co/papers/trending")).GetAwaiter().GetResult());

        Assert.Contains("https://huggingface.co/papers/trending: the answer is larger than the 1 MB an input may have", refused.Message);
    }

    [Fact]
    public void Fetched_answers_are_held_to_the_same_cap_as_files()
    {
        Assert.Equal(InputLimits.MaxInputBytes, new FetchSettings().MaxBytes);
    }

    /// <summary>A server whose answer has no length and never ends (a stream of zeros).</summary>
    private sealed class EndlessAnswer : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new Zeros()), RequestMessage = request });

        private sealed class Zeros : Stream
        {
            public override int Read(byte[] buffer, int offset, int count)
            {
                Array.Clear(buffer, offset, count);
                return count;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
