using PaperTrail.Content;

namespace PaperTrail.Site;

/// <summary>
/// The authors who get a page: those with at least <c>author_min_papers</c> trending papers, names
/// matched as written (<see cref="AuthorSpellings"/>). Each page's address is the name's slug; when
/// two names make one slug ("José García" and "Jose Garcia"), the name with more papers keeps it (on
/// a tie, the first in ordinal order) and the others get "-2", "-3"… in that order.
/// </summary>
internal sealed class AuthorIndex
{
    /// <summary>An author with a page: the name shown, the slug of the page, the papers newest first.</summary>
    internal sealed record Author(string Name, string Slug, IReadOnlyList<SitePaper> Papers);

    private readonly Dictionary<string, Author> _byName = new(StringComparer.Ordinal);
    private readonly AuthorSpellings _spellings;

    public IReadOnlyList<Author> All { get; }

    /// <param name="newestFirst">The site's papers, newest first trending day first.</param>
    public AuthorIndex(IReadOnlyList<SitePaper> newestFirst, AuthorSpellings spellings, int minPapers)
    {
        _spellings = spellings;
        var papersOf = new Dictionary<string, List<SitePaper>>(StringComparer.Ordinal);
        if (minPapers <= 0)
        {
            All = [];
            return;
        }
        foreach (var paper in newestFirst)
            foreach (var name in paper.Paper.Authors.Select(spellings.Canonical).Distinct(StringComparer.Ordinal))
            {
                if (name.Length == 0) continue;
                if (!papersOf.TryGetValue(name, out var list)) papersOf[name] = list = [];
                list.Add(paper);
            }
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var authors = new List<Author>();
        foreach (var group in papersOf.Where(a => a.Value.Count >= minPapers)
                     .GroupBy(a => SlugOf(a.Key), StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var n = 1;
            foreach (var (name, papers) in group.OrderByDescending(a => a.Value.Count).ThenBy(a => a.Key, StringComparer.Ordinal))
            {
                var slug = group.Key;
                while (!taken.Add(slug)) slug = $"{group.Key}-{++n}";
                var author = new Author(name, slug, papers);
                authors.Add(author);
                _byName[name] = author;
            }
        }
        All = authors;
    }

    /// <summary>The name's slug; a name with no Latin letter or digit (李伟) is "author-" and a hash of it.</summary>
    private static string SlugOf(string name)
    {
        var slug = Slug.From(name);
        return slug == "paper-" + Slug.ShortHash(name) ? "author-" + Slug.ShortHash(name) : slug;
    }

    /// <summary>The page of the author written so on a paper, if they have one.</summary>
    public Author? Of(string written) => _byName.GetValueOrDefault(_spellings.Canonical(written));
}
