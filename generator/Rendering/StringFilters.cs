using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace PaperTrail.Rendering;

/// <summary>
/// The Liquid filters that put the site's language into templates:
/// <c>{{ "header.latest" | t }}</c> prints a string of the strings files, and
/// <c>{{ "day.lede" | t: count: model.papers.size }}</c> its form for that count, with
/// <c>{count}</c> and any other named value (<c>date: when</c>) put in, encoded as every
/// <c>{{ }}</c> is, unless it is HTML a template made (<c>{% capture %}</c>) or a string;
/// <c>{{ day.date | local_date }}</c> writes a day (2026-12-07) as the language does.
/// </summary>
internal static class StringFilters
{
    public static void Register(FilterCollection filters, UiStrings strings, HtmlEncoder encoder)
    {
        filters.AddFilter("t", (input, arguments, _) =>
        {
            long? count = arguments.HasNamed("count") ? (long)arguments["count"].ToNumberValue() : null;
            var values = new List<(string, string)>();
            foreach (var name in arguments.Names)
            {
                var value = arguments[name];
                // A capture's or another string's HTML is put in as it is; any other value is text and is encoded.
                values.Add((name, value is StringValue { Encode: false } html ? html.ToStringValue() : encoder.Encode(value.ToStringValue())));
            }
            return new StringValue(strings.Html(input.ToStringValue(), count, values, encode: null), encode: false);
        });
        filters.AddFilter("local_date", (input, _, _) =>
        {
            var text = input.ToStringValue();
            // Dates are text in views ("2026-12-07"); anything else is printed as it is.
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
                ? new StringValue(strings.Day(day))
                : input;
        });
    }
}
