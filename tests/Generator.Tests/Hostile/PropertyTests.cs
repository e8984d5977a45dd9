using System.Globalization;
using System.Text;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperTrail.Content;
using PaperTrail.Ingest;
using PaperTrail.Ingest.Sources;
using PaperTrail.Rendering;

namespace PaperTrail.Tests.Hostile;

/// <summary>Properties of the parts that take arbitrary text, checked on generated input.</summary>
public sealed class PropertyTests
{
    /// <summary>Strings drawn from the whole UTF-16 range (surrogate halves, controls, noncharacters), not just ASCII.</summary>
    public static class AnyText
    {
        public static Arbitrary<string> Strings() =>
            Gen.OneOf(
                    Gen.Choose(0, 0xFFFF).Select(i => (char)i),
                    Gen.Elements("<>&\"'{}%$\\-:#|*!\n\r\t\u0000\u202E\u200B\uFEFF\uFFFE\uFDD0\uD800\uDC00".ToCharArray()),
                    Gen.Choose('a', 'z').Select(i => (char)i))
                .ArrayOf()
                .Select(chars => new string(chars))
                .ToArbitrary();
    }

    [Property(Arbitrary = [typeof(AnyText)], MaxTest = 300)]
    public bool Cleaning_leaves_no_control_or_format_character_and_is_idempotent(string raw)
    {
        var clean = TextCleaner.Clean(raw);
        return clean == TextCleaner.Clean(clean)
            && clean.EnumerateRunes().All(r => Rune.GetUnicodeCategory(r) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate))
            && clean == clean.Trim()
            && !clean.Contains("  ", StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(AnyText)], MaxTest = 300)]
    public bool Every_text_gives_a_valid_slug(string title) => Slug.IsValid(Slug.From(title));

    [Property(Arbitrary = [typeof(AnyText)], MaxTest = 300)]
    public bool A_cleaned_title_round_trips_through_the_front_matter(string raw, string abstractRaw)
    {
        var title = TextCleaner.Clean(raw);
        if (!TextCleaner.IsUsableTitle(title)) return true;
        var paper = new Paper
        {
            Title = title, Slug = Slug.From(title), Trending = [new DateOnly(2026, 11, 28)],
            Authors = [title], Abstract = TextCleaner.Clean(abstractRaw),
        };
        var problems = new List<ContentProblem>();
        var read = PaperReader.Read("p.md", PaperWriter.Write(paper), problems);
        return problems.Count == 0 && read is not null
            && read.Title == title && read.Authors.SequenceEqual(paper.Authors) && read.Abstract == paper.Abstract.Trim('\n');
    }

    [Property(MaxTest = 300)]
    public bool The_scrape_parser_takes_any_bytes_and_yields_only_usable_clean_titles(byte[] bytes)
    {
        var result = ScrapeTextSource.Parse("any.txt", bytes);
        return result.Papers.All(p => TextCleaner.IsUsableTitle(p.Title) && p.Title == TextCleaner.Clean(p.Title) && p.Abstract == TextCleaner.Clean(p.Abstract))
            && result.Skipped.All(s => s.Line >= 1);
    }

    [Property(Arbitrary = [typeof(AnyText)], MaxTest = 200)]
    public bool Feeds_are_always_well_formed_xml(string title, string summary, string author)
    {
        var entry = new FeedEntry
        {
            Id = "https://example.org/papers/x/", Url = "https://example.org/papers/x/", Title = title,
            SummaryHtml = summary, Published = DateTimeOffset.UnixEpoch, Updated = DateTimeOffset.UnixEpoch,
            Authors = [author], Categories = [title],
        };
        var feed = new FeedDocument
        {
            Title = title, Description = summary, Language = "en", HomeUrl = "https://example.org/",
            SelfUrl = "https://example.org/feed.xml", Author = author, Updated = DateTimeOffset.UnixEpoch, Entries = [entry],
        };
        XDocument.Parse(Encoding.UTF8.GetString(SyndicationFeedWriter.Rss(feed)));
        XDocument.Parse(Encoding.UTF8.GetString(SyndicationFeedWriter.Atom(feed)));
        XDocument.Parse(Encoding.UTF8.GetString(OpmlWriter.Write(title, [new OpmlFeed(title, "https://example.org/a.xml", "https://example.org/")])));
        System.Text.Json.JsonDocument.Parse(JsonFeedWriter.Write(feed)).Dispose();
        return true;
    }
}
