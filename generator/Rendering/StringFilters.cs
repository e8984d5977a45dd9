using System.Collections.Concurrent;
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
        // A string with no value put in, and a day, are the same on every page: made once per build
        // (most of the words of a page are such; making each anew on every page was 4% more allocated).
        var plain = new ConcurrentDictionary<string, StringValue>(StringComparer.Ordinal);
        var days = new ConcurrentDictionary<string, FluidValue>(StringComparer.Ordinal);
        filters.AddFilter("t", (input, arguments, _) =>
        {
            if (arguments.Count == 0)
                return plain.GetOrAdd(input.ToStringValue(), key => new StringValue(strings.Html(key, null, [], null), encode: false));
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
            if (days.TryGetValue(text, out var shown)) return shown;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
                return input;
            return days.GetOrAdd(text, new StringValue(strings.Day(day)));
        });
    }
}
