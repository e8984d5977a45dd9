namespace PaperTrail.Ingest;

/// <summary>What <c>generator ingest</c> was asked to do.</summary>
public sealed record IngestOptions(IReadOnlyList<string> Inputs, DateOnly Date, string ContentDir, bool DryRun, string? Source = null);

/// <summary>The one line of counts ingest ends with.</summary>
public sealed record IngestCounts(int New, int Updated, int Unchanged, int Skipped)
{
    public override string ToString() => $"{New} new, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped";
}
