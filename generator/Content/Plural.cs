using System.Globalization;

namespace PaperTrail.Content;

/// <summary>A count with its noun in the right number: "1 paper", "0 papers", "119 papers".</summary>
internal static class Plural
{
    /// <param name="many">The plural, when it is not <paramref name="one"/> + "s".</param>
    public static string Count(int count, string one, string? many = null) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";
}
