using System.Text;
using PaperTrail.Content;

namespace PaperTrail.Rendering;

/// <summary>A BibTeX entry for a paper, for readers to copy into their references.</summary>
internal static class Bibtex
{
    /// <param name="key">The paper's key, unique within the archive (<see cref="BibtexKeys"/>).</param>
    public static string Entry(Paper paper, string key)
    {
        var year = (paper.Published ?? paper.FirstTrending).Year;
        var sb = new StringBuilder();
        sb.Append("@misc{").Append(key).Append(",\n");
        Field(sb, "title", "{" + Escape(InlineTex.Plain(paper.Title)) + "}");
        if (paper.Authors.Count > 0) Field(sb, "author", string.Join(" and ", paper.Authors.Select(Escape)));
        Field(sb, "year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (paper.Arxiv is { } id)
        {
            Field(sb, "doi", ArxivId.Doi(id));
            Field(sb, "eprint", id);
            Field(sb, "archivePrefix", "arXiv");
            if (paper.Categories.Count > 0) Field(sb, "primaryClass", paper.Categories[0]);
            Field(sb, "url", "https://arxiv.org/abs/" + id);
        }
        sb.Length -= 2; // the last field's ",\n"
        sb.Append("\n}");
        return sb.ToString();
    }

    /// <summary>A .bib file of entries as <see cref="Entry"/> writes them, one blank line apart, UTF-8 without a BOM.</summary>
    public static byte[] File(IEnumerable<(Paper Paper, string Key)> entries) =>
        Utf8.GetBytes(string.Concat(entries.Select(e => Entry(e.Paper, e.Key) + "\n\n")).TrimEnd('\n') + "\n");

    private static readonly UTF8Encoding Utf8 = new(false);

    private static void Field(StringBuilder sb, string name, string value) =>
        sb.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");

    /// <summary>Characters BibTeX and LaTeX treat specially; braces must balance or the entry breaks.</summary>
    private static string Escape(string text) => text
        .Replace("\\", "\\textbackslash ")
        .Replace("{", "\\{").Replace("}", "\\}")
        .Replace("&", "\\&").Replace("%", "\\%").Replace("#", "\\#");
}
