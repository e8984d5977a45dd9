using System.Globalization;

namespace PaperTrail.Ingest.Sources;

/// <summary>Dates in sources' ISO timestamps.</summary>
internal static class Timestamps
{
    /// <summary>The UTC day of an ISO timestamp ("2026-05-08T10:01:31.399Z" → 2026-05-08); null when it is not one.</summary>
    public static DateOnly? Day(string? timestamp) =>
        Moment(timestamp) is { } moment ? DateOnly.FromDateTime(moment.UtcDateTime) : null;

    /// <summary>The instant of an ISO timestamp (UTC when it names no offset); null when it is not one.</summary>
    public static DateTimeOffset? Moment(string? timestamp) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) ? moment : null;
}
