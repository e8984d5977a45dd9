using FsCheck.Xunit;
using Xunit.Abstractions;

namespace PaperTrail.Tests.Fuzz;

/// <summary>
/// A fuzz test per source reader: 2,000 inputs each, real captured inputs and inputs made from the
/// corpus's papers or from generated text, mutated (bits flipped, cut short, spans lost or doubled,
/// deep nesting, huge fields, lone surrogates, other encodings, random bytes), through
/// <c>generator ingest</c> in process. Every one ends with exit 0 or 1 within 10 seconds, and a
/// refused one writes nothing (<see cref="IngestFuzzer"/>). Each reader is a class of its own, so
/// the four run side by side; <c>dotnet test --filter Category=Fuzz</c> runs them alone.
/// </summary>
public abstract class SourceFuzzTests(ReaderProfile reader, ITestOutputHelper log) : IDisposable
{
    public const int Cases = 2_000;

    private readonly IngestFuzzer _fuzzer = new();

    protected void Run(FuzzCase fuzzCase) => _fuzzer.Run(reader, fuzzCase);

    public void Dispose()
    {
        log.WriteLine($"{reader.Source}: {_fuzzer.Summary}");
        _fuzzer.AssertArchiveUntouched();
        _fuzzer.Dispose();
        GC.SuppressFinalize(this);
    }
}

[Trait("Category", "Fuzz")]
public sealed class ScrapeFuzzTests(ITestOutputHelper log) : SourceFuzzTests(ReaderProfile.Scrape, log)
{
    [Property(Arbitrary = [typeof(FuzzCase.Cases)], MaxTest = Cases, QuietOnSuccess = true)]
    public void Any_scrape_is_read_or_refused_within_the_hang_guard(FuzzCase fuzzCase) => Run(fuzzCase);
}

[Trait("Category", "Fuzz")]
public sealed class HfJsonFuzzTests(ITestOutputHelper log) : SourceFuzzTests(ReaderProfile.HfJson, log)
{
    [Property(Arbitrary = [typeof(FuzzCase.Cases)], MaxTest = Cases, QuietOnSuccess = true)]
    public void Any_hugging_face_json_is_read_or_refused_within_the_hang_guard(FuzzCase fuzzCase) => Run(fuzzCase);
}

[Trait("Category", "Fuzz")]
public sealed class HfHtmlFuzzTests(ITestOutputHelper log) : SourceFuzzTests(ReaderProfile.HfHtml, log)
{
    [Property(Arbitrary = [typeof(FuzzCase.Cases)], MaxTest = Cases, QuietOnSuccess = true)]
    public void Any_hugging_face_page_is_read_or_refused_within_the_hang_guard(FuzzCase fuzzCase) => Run(fuzzCase);
}

[Trait("Category", "Fuzz")]
public sealed class ArxivFuzzTests(ITestOutputHelper log) : SourceFuzzTests(ReaderProfile.Arxiv, log)
{
    [Property(Arbitrary = [typeof(FuzzCase.Cases)], MaxTest = Cases, QuietOnSuccess = true)]
    public void Any_arxiv_answer_is_read_or_refused_within_the_hang_guard(FuzzCase fuzzCase) => Run(fuzzCase);
}
