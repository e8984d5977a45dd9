using System.Globalization;
using System.Text;
using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Topics;

namespace PaperTrail.Related;

/// <summary>
/// How many papers of a reference set use each term: what related papers weigh terms by (the IDF).
/// A fixed table rather than the archive's own counts, so that a paper's weights depend on that
/// paper alone: papers added to the archive never move the weights of the others, and so rewrite
/// only the pages of papers they are really related to (with the archive's own counts, 50 new
/// papers changed a tenth of 10,000 paper pages). The default is made from the 5,951 papers that
/// trended on Hugging Face between November 2025 and July 2026 and ships inside the generator; an
/// archive about another field makes its own with <c>generator terms</c>, kept as
/// <c>content/term-frequencies.txt</c>.
/// </summary>
internal sealed class TermFrequencies
{
    public const string FileName = ContentFile.TermTableName;
    private const string Resource = "PaperTrail.Related.term-frequencies.txt";
    private const string PapersKey = "papers";

    private readonly Dictionary<string, int> _counts;

    private TermFrequencies(int papers, Dictionary<string, int> counts, string hash)
    {
        Papers = papers;
        _counts = counts;
        Hash = hash;
    }

    /// <summary>The table's hash: related papers worked out with another table are worked out again.</summary>
    public string Hash { get; }

    /// <summary>The number of papers the counts are out of.</summary>
    public int Papers { get; }

    public int Count(string term) => _counts.GetValueOrDefault(term);

    /// <summary>The table that ships with the generator.</summary>
    public static TermFrequencies Default { get; } = ReadDefault();

    /// <summary>The archive's own table when it has one, else <see cref="Default"/>.</summary>
    public static TermFrequencies Load(string contentDir, List<ContentProblem> problems)
    {
        var path = Path.Combine(contentDir, FileName);
        return ArchiveLoader.Settings(path, problems) is { } text ? Parse(DisplayPath.Of(path), text, problems) ?? Default : Default;
    }

    /// <summary>Reads "papers N" then one "term count" per line ('#' starts a comment); a bad line is a problem with its number.</summary>
    public static TermFrequencies? Parse(string file, string text, List<ContentProblem> problems)
    {
        var before = problems.Count;
        int? papers = null;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                problems.Add(new ContentProblem(file, i + 1, "expected a term and a whole number of papers, like 'diffus 120'"));
            else if (papers is null)
            {
                if (parts[0] == PapersKey) papers = count;
                else problems.Add(new ContentProblem(file, i + 1, "the first line must be 'papers N': how many papers the counts are out of"));
            }
            else if (count > papers) problems.Add(new ContentProblem(file, i + 1, $"'{parts[0]}' is counted in {count} papers, more than the {papers} there are"));
            else if (!counts.TryAdd(parts[0], count)) problems.Add(new ContentProblem(file, i + 1, $"'{parts[0]}' is counted twice"));
        }
        if (papers is null && problems.Count == before) problems.Add(new ContentProblem(file, 0, "no 'papers N' line"));
        return problems.Count > before ? null : new TermFrequencies(papers!.Value, counts, ContentHash.Of(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The table of these papers: every term two or more of them use (one use says nothing of similarity).</summary>
    public static string Format(IReadOnlyList<Paper> papers)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var stems = new StemTable();
        foreach (var paper in papers)
            foreach (var term in PaperVectors.TermCounts(PaperTokens.Of(paper, stems)).Keys)
                counts[term] = counts.GetValueOrDefault(term) + 1;
        var text = new StringBuilder()
            .Append("# How many of these papers use each term (as related papers stem it): made by `generator terms`.\n")
            .Append(CultureInfo.InvariantCulture, $"{PapersKey} {papers.Count}\n");
        foreach (var (term, count) in counts.Where(c => c.Value > 1).OrderBy(c => c.Key, StringComparer.Ordinal))
            text.Append(CultureInfo.InvariantCulture, $"{term} {count}\n");
        return text.ToString();
    }

    private static TermFrequencies ReadDefault()
    {
        using var stream = typeof(TermFrequencies).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"the generator was built without {Resource}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var problems = new List<ContentProblem>();
        return Parse(Resource, reader.ReadToEnd(), problems) ?? throw new InvalidOperationException(string.Join("; ", problems));
    }
}
