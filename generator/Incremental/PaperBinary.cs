using PaperTrail.Content;

namespace PaperTrail.Incremental;

/// <summary>
/// A <see cref="Paper"/> as compact binary, for the build cache: reading it back costs a small
/// fraction of parsing the Markdown file it came from. Field by field, in one fixed order; a
/// round-trip test compares every property, so a field added to Paper and not here fails it.
/// </summary>
internal static class PaperBinary
{
    public static void Write(BinaryWriter w, Paper p)
    {
        w.Write(p.Title);
        w.Write(p.Slug);
        Optional(w, p.Arxiv);
        Strings(w, p.Authors);
        w.Write(p.Published?.DayNumber ?? -1);
        w.Write(p.Trending.Count);
        foreach (var day in p.Trending) w.Write(day.DayNumber);
        w.Write(p.Topics is not null);
        if (p.Topics is not null) Strings(w, p.Topics);
        w.Write(p.Links.Count);
        foreach (var (name, url) in p.Links)
        {
            w.Write(name);
            w.Write(url);
        }
        w.Write(p.Upvotes ?? int.MinValue);
        w.Write(p.Comments ?? int.MinValue);
        Optional(w, p.AiSummary);
        w.Write(p.GithubStars ?? int.MinValue);
        w.Write(p.GithubStarsAsOf?.DayNumber ?? -1);
        Optional(w, p.Organization);
        var ranks = p.Ranks.OrderBy(r => r.Key).ToList();
        w.Write(ranks.Count);
        foreach (var (day, rank) in ranks)
        {
            w.Write(day.DayNumber);
            w.Write(rank);
        }
        Strings(w, p.Categories);
        w.Write(p.Hidden);
        Optional(w, p.RedirectTo);
        Strings(w, p.Aliases);
        w.Write(p.AbstractUtf8.Length);
        w.Write(p.AbstractUtf8);
        w.Write(p.Cut.Count);
        foreach (var cut in p.Cut)
        {
            w.Write(cut.Line);
            w.Write(cut.Message);
        }
    }

    public static Paper Read(BinaryReader r)
    {
        var title = r.ReadString();
        var slug = r.ReadString();
        var arxiv = Optional(r);
        var authors = Strings(r);
        var published = r.ReadInt32();
        var trending = new DateOnly[r.ReadInt32()];
        for (var i = 0; i < trending.Length; i++) trending[i] = DateOnly.FromDayNumber(r.ReadInt32());
        var topics = r.ReadBoolean() ? Strings(r) : null;
        var links = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = r.ReadInt32(); i > 0; i--) links[r.ReadString()] = r.ReadString();
        var upvotes = r.ReadInt32();
        var comments = r.ReadInt32();
        var aiSummary = Optional(r);
        var stars = r.ReadInt32();
        var starsAsOf = r.ReadInt32();
        var organization = Optional(r);
        var ranks = new Dictionary<DateOnly, int>();
        for (var i = r.ReadInt32(); i > 0; i--) ranks[DateOnly.FromDayNumber(r.ReadInt32())] = r.ReadInt32();
        return new Paper
        {
            Title = title,
            Slug = slug,
            Arxiv = arxiv,
            Authors = authors,
            Published = published < 0 ? null : DateOnly.FromDayNumber(published),
            Trending = trending,
            Topics = topics,
            Links = links,
            Upvotes = upvotes == int.MinValue ? null : upvotes,
            Comments = comments == int.MinValue ? null : comments,
            AiSummary = aiSummary,
            GithubStars = stars == int.MinValue ? null : stars,
            GithubStarsAsOf = starsAsOf < 0 ? null : DateOnly.FromDayNumber(starsAsOf),
            Organization = organization,
            Ranks = ranks,
            Categories = Strings(r),
            Hidden = r.ReadBoolean(),
            RedirectTo = Optional(r),
            Aliases = Strings(r),
            AbstractUtf8 = r.ReadBytes(r.ReadInt32()),
            Cut = Cuts(r),
        };
    }

    private static FieldCut[] Cuts(BinaryReader r)
    {
        var cuts = new FieldCut[r.ReadInt32()];
        for (var i = 0; i < cuts.Length; i++) cuts[i] = new FieldCut(r.ReadInt32(), r.ReadString());
        return cuts;
    }

    private static void Optional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null) w.Write(value);
    }

    private static string? Optional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void Strings(BinaryWriter w, IReadOnlyList<string> values)
    {
        w.Write(values.Count);
        foreach (var value in values) w.Write(value);
    }

    private static string[] Strings(BinaryReader r)
    {
        var values = new string[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = r.ReadString();
        return values;
    }
}
