using System.Text;
using PaperTrail.Content;

namespace PaperTrail.Rendering;

/// <summary>A BibTeX entry for a paper, for readers to copy into their references.</summary>
internal static class Bibtex
{
    public static string Entry(Paper paper)
    {
        var year = (paper.Published ?? paper.FirstTrending).Year;
        var sb = new StringBuilder();
        sb.Append("@misc{").Append(Key(paper, year)).Append(",\n");
        Field(sb, "title", "{" + Escape(InlineTex.Plain(paper.Title)) + "}");
        if (paper.Authors.Count > 0) Field(sb, "author", string.Join(" and ", paper.Authors.Select(Escape)));
        Field(sb, "year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (paper.Arxiv is { } id)
        {
            Field(sb, "eprint", id);
            Field(sb, "archivePrefix", "arXiv");
            if (paper.Categories.Count > 0) Field(sb, "primaryClass", paper.Categories[0]);
            Field(sb, "url", "https://arxiv.org/abs/" + id);
        }
        sb.Length -= 2; // the last field's ",\n"
        sb.Append("\n}");
        return sb.ToString();
    }

    private static void Field(StringBuilder sb, string name, string value) =>
        sb.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");

    /// <summary>authoryearword: "albergo2023stochastic".</summary>
    private static string Key(Paper paper, int year)
    {
        var author = paper.Authors.Count > 0 ? paper.Authors[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1] : "";
        var word = paper.Slug.Split('-').FirstOrDefault(w => w.Length > 3) ?? paper.Slug.Split('-')[0];
        var key = new string(Transliterated(author).Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        return (key.Length > 0 ? key : "paper") + year.ToString(System.Globalization.CultureInfo.InvariantCulture) + word;
    }

    private static string Transliterated(string text) => Slug.From(text).Replace("-", "");

    /// <summary>Characters BibTeX and LaTeX treat specially; braces must balance or the entry breaks.</summary>
    private static string Escape(string text) => text
        .Replace("\\", "\\textbackslash ")
        .Replace("{", "\\{").Replace("}", "\\}")
        .Replace("&", "\\&").Replace("%", "\\%").Replace("#", "\\#");
}
