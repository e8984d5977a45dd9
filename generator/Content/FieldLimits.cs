namespace PaperTrail.Content;

/// <summary>
/// The most a paper's fields may hold, for ingest (what a source gives is cut to these) and for the
/// readers of the archive (a hand-edited file over them is shown cut, with a warning). Far above any
/// real paper, so that only a broken or hostile input meets them; what they prevent is one field
/// multiplied over every page and feed that shows it (a 10 MB title made a 177 MB site).
/// Measured on the 425 papers of tests/fixtures (the archive's 121 included): the longest title has 146
/// characters, the longest abstract 1,920 (arXiv's own limit), the longest author list 65 names (large
/// collaborations and technical reports reach 3,000), the longest name 29, the longest link 98.
/// </summary>
public static class FieldLimits
{
    /// <summary>Characters of a title (the hostile suite's 5,000-character title stays whole).</summary>
    public const int MaxTitle = 5_000;

    /// <summary>Characters of an abstract (Markdown): ten times arXiv's limit.</summary>
    public const int MaxAbstract = 20_000;

    /// <summary>Names in the author list: the largest collaborations' lists stay whole.</summary>
    public const int MaxAuthors = 5_000;

    /// <summary>Characters of one author's name.</summary>
    public const int MaxAuthorName = 300;

    /// <summary>Named links of one paper (a real one has up to five: arxiv, pdf, code, project, demo).</summary>
    public const int MaxLinks = 50;

    /// <summary>Characters of one link's URL: what sitemaps and most browsers and servers take.</summary>
    public const int MaxUrl = 2_048;

    /// <summary>arXiv categories of one paper (a real one lists up to about ten).</summary>
    public const int MaxCategories = 50;
}
