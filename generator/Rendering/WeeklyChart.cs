using System.Globalization;
using System.Net;
using System.Text;
using PaperTrail.Views;

namespace PaperTrail.Rendering;

/// <summary>
/// Draws papers per week for the weeks up to the archive's latest day: bars in currentColor (so
/// the theme's colours and dark mode apply), a fixed viewBox (so the page never shifts), and a
/// sentence that says what the bars show for readers who cannot see them.
/// </summary>
internal static class WeeklyChart
{
    public const int Weeks = 26;
    private const int BarStep = 20, BarWidth = 16, Height = 80, Plot = 70;

    public static ChartView Render(string id, string subject, IEnumerable<DateOnly> firstSeen, DateOnly end, UiStrings strings)
    {
        var counts = new int[Weeks];
        var start = end.AddDays(-7 * Weeks + 1);
        foreach (var day in firstSeen)
            if (day >= start && day <= end) counts[(day.DayNumber - start.DayNumber) / 7]++;
        var max = Math.Max(1, counts.Max());
        var total = counts.Sum();
        var busiest = Array.IndexOf(counts, counts.Max());

        var weeks = ("weeks", N(Weeks));
        var summary = total == 0
            ? strings.Count("topic.chart_empty", total, ("topic", subject), weeks, ("date", strings.Day(end)))
            : strings.Count("topic.chart_summary", total, ("topic", subject), weeks, ("date", strings.Day(end)),
                ("start", strings.Day(start.AddDays(7 * busiest))), ("busiest", N(counts[busiest])));

        var width = Weeks * BarStep;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {width} {Height}\" width=\"{width}\" height=\"{Height}\" role=\"img\" aria-labelledby=\"{id}-title\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(summary)}</title>");
        for (var i = 0; i < Weeks; i++)
        {
            var h = counts[i] == 0 ? 0 : Math.Max(2, (int)Math.Round((double)counts[i] / max * Plot));
            if (h > 0)
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{i * BarStep + 2}\" y=\"{Plot - h}\" width=\"{BarWidth}\" height=\"{h}\" fill=\"currentColor\"/>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{Plot}\" width=\"{width}\" height=\"1\" fill=\"currentColor\" opacity=\"0.5\"/>");
        svg.Append("</svg>");
        return new ChartView(svg.ToString(), summary);
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
