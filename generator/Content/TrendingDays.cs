using YamlDotNet.RepresentationModel;

namespace PaperTrail.Content;

/// <summary>
/// A paper's <c>trending</c> list: its days, ascending, and the rank it had on those days whose
/// source gave an order. Each item is a day (<c>2026-11-27</c>, the only form of schema version 1)
/// or a day with its rank (<c>{day: 2026-11-28, rank: 3}</c>, version 2), so a version-1 list is
/// still a valid list, and a rank sits beside the one day it belongs to.
/// </summary>
internal sealed record TrendingDays(IReadOnlyList<DateOnly> Days, IReadOnlyDictionary<DateOnly, int> Ranks)
{
    private const string Form = "a list of days like [2026-11-27, {day: 2026-11-28, rank: 3}]";

    /// <summary>The days and ranks of a <c>trending</c> value, or null with a problem added for each wrong item.</summary>
    public static TrendingDays? Read(YamlNodes nodes, YamlNode value)
    {
        var items = value is YamlSequenceNode sequence ? sequence.Children : (IList<YamlNode>)[value];
        var days = new SortedSet<DateOnly>();
        var ranks = new Dictionary<DateOnly, int>();
        var ok = true;
        foreach (var item in items)
        {
            var (day, rank) = item is YamlMappingNode mapping ? DayWithRank(nodes, mapping) : (nodes.Date(item, "trending"), null);
            if (day is not { } d)
            {
                ok = false;
                continue;
            }
            days.Add(d);
            if (rank is not { } r) continue;
            if (ranks.TryGetValue(d, out var other) && other != r)
            {
                nodes.Problem(item, $"'trending' gives {PaperWriter.Date(d)} two ranks, {other} and {r}: keep one");
                ok = false;
            }
            ranks[d] = r;
        }
        return ok ? new TrendingDays(days.ToArray(), ranks) : null;
    }

    private static (DateOnly? Day, int? Rank) DayWithRank(YamlNodes nodes, YamlMappingNode mapping)
    {
        DateOnly? day = null;
        int? rank = null;
        var ok = true;
        foreach (var (key, keyNode, value) in nodes.Entries(mapping))
        {
            switch (key)
            {
                case "day": day = nodes.Date(value, "trending.day"); ok &= day is not null; break;
                case "rank": rank = nodes.Integer(value, "trending.rank", min: 1); ok &= rank is not null; break;
                default:
                    nodes.Problem(keyNode, $"unknown key '{key}' in 'trending': an item is a day or {{day: YYYY-MM-DD, rank: N}}");
                    ok = false;
                    break;
            }
        }
        if (day is null && ok) nodes.Problem(mapping, $"an item of 'trending' has no 'day': it must be {Form}");
        return ok ? (day, rank) : (null, null);
    }
}
