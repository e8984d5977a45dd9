using System.Globalization;

namespace PaperTrail.Ingest;

/// <summary>
/// The most ingest reads of one input (a file or a fetched answer) before it refuses it, naming the
/// file and line (exit 1, nothing written). Each is far above any real answer and far below what
/// costs memory or time: without them, 200,000 nested XML elements overflowed the stack, 800 KB of
/// unclosed <c>&lt;b&gt;</c> kept the HTML parser busy for two minutes, and a character device was
/// read until memory ran out. The caps of a paper's fields are <see cref="Content.FieldLimits"/>.
/// docs/security.md, "Limits", lists them all.
/// </summary>
internal static class InputLimits
{
    /// <summary>
    /// Bytes of one input. The largest real answers are a few hundred KB (the biggest fixture, a day's
    /// papers page, 223 KB; a daily API answer, 180 KB); an arXiv answer at its 2,000 results is about
    /// 6 MB. 64 MB leaves ten times that, and still reads in a few seconds.
    /// </summary>
    public const int MaxInputBytes = 64 * 1024 * 1024;

    /// <summary>Nesting of JSON (arrays and objects). Hugging Face's answers nest 4 deep.</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>Nesting of XML elements. An arXiv answer nests 4 deep (feed, entry, author, name).</summary>
    public const int MaxXmlDepth = 64;

    /// <summary>
    /// Nesting of HTML elements as the parser builds the page. A Hugging Face page nests about 20
    /// deep. The parser's work for each tag grows with the depth (it scans the open elements), so a
    /// deep page costs the square of its size.
    /// </summary>
    public const int MaxHtmlDepth = 256;

    /// <summary>Elements of one XML or HTML input. A day's papers page has about 650; an arXiv answer of 2,000 results about 60,000.</summary>
    public const int MaxElements = 500_000;

    /// <summary>
    /// Records (papers, or what stands where a paper would) of one input. A day's answer has about
    /// 50, an arXiv answer at most 2,000, the whole trending corpus of 190 days 5,951. Without it, 16 MB
    /// of <c>[0,0,…]</c> took 30 seconds, 2.8 GB and eight million lines of errors.
    /// </summary>
    public const int MaxRecords = 100_000;

    /// <summary>The refusal of an input with more than <see cref="MaxRecords"/> records.</summary>
    public static Content.ContentException TooManyRecords(string sourceFile, long count) =>
        new(new Content.ContentProblem(sourceFile, 0, string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} records, more than the {MaxRecords:N0} an input may have (a day's answer has about 50); nothing was written")));
}
