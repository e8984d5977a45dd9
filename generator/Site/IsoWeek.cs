using System.Globalization;

namespace PaperTrail.Site;

/// <summary>An ISO 8601 week (Monday to Sunday), written "2026-W29".</summary>
internal readonly record struct IsoWeek(int Year, int Week) : IComparable<IsoWeek>
{
    public static IsoWeek Of(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    // Methods, not properties: a week is hashed by its members (Year, Week), and is nothing more.
    public DateOnly Monday() => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly Sunday() => Monday().AddDays(6);

    public int CompareTo(IsoWeek other) => (Year, Week).CompareTo((other.Year, other.Week));

    public override string ToString() =>
        $"{Year.ToString("0000", CultureInfo.InvariantCulture)}-W{Week.ToString("00", CultureInfo.InvariantCulture)}";
}
