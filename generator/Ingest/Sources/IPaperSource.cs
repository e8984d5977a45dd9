namespace PaperTrail.Ingest.Sources;

/// <summary>
/// A kind of input ingest understands. Each source turns the bytes of one file (or answer) into
/// cleaned <see cref="SourcePaper"/>s; what they have in common (identity, merging, writing) lives
/// elsewhere. docs/sources.md explains how to add one.
/// </summary>
internal interface IPaperSource
{
    /// <summary>The name used with <c>--source</c>.</summary>
    string Name { get; }

    /// <summary>Whether the content looks like this source's (for detection when --source is not given).</summary>
    bool Recognises(string fileName, ReadOnlySpan<byte> bytes);

    SourceResult Read(string sourceFile, byte[] bytes);
}
