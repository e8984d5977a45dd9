using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PaperTrail.Content;

/// <summary>
/// Writes a paper as Markdown with YAML front matter. The YAML goes through YamlDotNet's emitter,
/// which quotes whatever needs quoting, so any title round-trips; key order and styles are fixed
/// so the same paper always gives the same bytes.
/// </summary>
internal static class PaperWriter
{
    public static string Write(Paper paper)
    {
        var yaml = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(yaml, EmitterSettings.Default.WithBestWidth(int.MaxValue).WithNewLine("\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));

        Scalar(emitter, "title", paper.Title, ScalarStyle.DoubleQuoted);
        Scalar(emitter, "slug", paper.Slug);
        if (paper.Arxiv is not null) Scalar(emitter, "arxiv", paper.Arxiv, ScalarStyle.DoubleQuoted);
        if (paper.Authors.Count > 0) Sequence(emitter, "authors", paper.Authors, ScalarStyle.Any);
        if (paper.Published is { } published) Scalar(emitter, "published", Date(published));
        Trending(emitter, paper);
        if (paper.Topics is not null) Sequence(emitter, "topics", paper.Topics, ScalarStyle.Plain);
        if (paper.Links.Count > 0)
        {
            Key(emitter, "links");
            emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
            foreach (var (name, url) in paper.Links.OrderBy(l => l.Key, StringComparer.Ordinal))
                Scalar(emitter, name, url, ScalarStyle.DoubleQuoted);
            emitter.Emit(new MappingEnd());
        }
        if (paper.Upvotes is { } upvotes) Scalar(emitter, "upvotes", upvotes.ToString(CultureInfo.InvariantCulture));
        if (paper.Comments is { } comments) Scalar(emitter, "comments", comments.ToString(CultureInfo.InvariantCulture));
        if (paper.AiSummary is not null) Scalar(emitter, "ai_summary", paper.AiSummary, ScalarStyle.DoubleQuoted);
        if (paper.GithubStars is { } stars) Scalar(emitter, "github_stars", stars.ToString(CultureInfo.InvariantCulture));
        if (paper.GithubStarsAsOf is { } asOf) Scalar(emitter, "github_stars_as_of", Date(asOf));
        if (paper.Organization is not null) Scalar(emitter, "organization", paper.Organization, ScalarStyle.DoubleQuoted);
        if (paper.Categories.Count > 0) Sequence(emitter, "categories", paper.Categories, ScalarStyle.Any);
        if (paper.Hidden) Scalar(emitter, "hidden", "true");
        if (paper.RedirectTo is not null) Scalar(emitter, "redirect_to", paper.RedirectTo);
        if (paper.Aliases.Count > 0) Sequence(emitter, "aliases", paper.Aliases, ScalarStyle.Plain);

        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());

        var text = new StringBuilder();
        text.Append("---\n").Append(yaml.ToString().TrimEnd('\n')).Append("\n---\n");
        var body = paper.Abstract.Replace("\r\n", "\n").Trim('\n');
        if (body.Length > 0) text.Append(body).Append('\n');
        return text.ToString();
    }

    public static byte[] Bytes(Paper paper) => new UTF8Encoding(false).GetBytes(Write(paper));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Key(IEmitter emitter, string key) =>
        emitter.Emit(new Scalar(null, null, key, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    private static void Scalar(IEmitter emitter, string key, string value, ScalarStyle style = ScalarStyle.Any)
    {
        Key(emitter, key);
        emitter.Emit(new Scalar(null, null, value, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    /// <summary>
    /// <c>trending: [2026-11-27, {day: 2026-11-28, rank: 3}]</c>: a day whose rank is known carries it
    /// beside it, any other is a bare day, as in schema version 1 (docs/content.md).
    /// </summary>
    private static void Trending(IEmitter emitter, Paper paper)
    {
        Key(emitter, "trending");
        emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Flow));
        foreach (var day in paper.Trending)
        {
            if (paper.Rank(day) is not { } rank)
            {
                emitter.Emit(new Scalar(null, null, Date(day), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: true));
                continue;
            }
            emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Flow));
            Scalar(emitter, "day", Date(day), ScalarStyle.Plain);
            Scalar(emitter, "rank", rank.ToString(CultureInfo.InvariantCulture), ScalarStyle.Plain);
            emitter.Emit(new MappingEnd());
        }
        emitter.Emit(new SequenceEnd());
    }

    private static void Sequence(IEmitter emitter, string key, IEnumerable<string> values, ScalarStyle style)
    {
        Key(emitter, key);
        emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Flow));
        foreach (var value in values)
            emitter.Emit(new Scalar(null, null, value, style, isPlainImplicit: true, isQuotedImplicit: true));
        emitter.Emit(new SequenceEnd());
    }
}
