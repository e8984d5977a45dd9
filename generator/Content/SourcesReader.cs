using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace PaperTrail.Content;

/// <summary>
/// site.yml's <c>sources</c>: a list whose entries are the names of the Hugging Face sources
/// (<c>hf-trending</c>, <c>hf-daily</c>: the form every site.yml had so far) or arXiv searches,
/// <c>arxiv: { categories: [cs.RO], terms: [...], authors: [...], floor: 5 }</c>. Each problem names
/// its line; what is wrong is left out, the rest kept.
/// </summary>
internal static partial class SourcesReader
{
    public static readonly IReadOnlyList<string> ArxivKeys = ["categories", "terms", "authors", "floor"];

    /// <summary>Terms and authors per source, and characters per term: enough for any real search, and the address stays short.</summary>
    public const int MaxTerms = 50, MaxTermLength = 200;

    public static (IReadOnlyList<string> Names, IReadOnlyList<ArxivSearch> Arxiv)? Read(YamlNodes nodes, YamlNode value)
    {
        if (value is YamlScalarNode { Value: null or "", Style: YamlDotNet.Core.ScalarStyle.Plain }) return ([], []);
        if (value is not YamlSequenceNode list)
        {
            nodes.Problem(value, $"'sources' must be a list, e.g. sources: [hf-trending] or one entry a line, '- arxiv: {{ categories: [cs.RO] }}'");
            return null;
        }
        var names = new List<string>();
        var arxiv = new List<ArxivSearch>();
        foreach (var item in list.Children)
        {
            switch (item)
            {
                case YamlScalarNode scalar:
                    var name = nodes.NonEmptyString(scalar, "sources");
                    if (name is null) break;
                    if (SiteConfig.WebSourceNames.Contains(name)) names.Add(name);
                    else nodes.Problem(item, $"'sources' has '{name}'; the nightly job knows {string.Join(", ", SiteConfig.WebSourceNames)}, and arxiv searches (arxiv: {{ categories: [cs.RO] }}){(name.StartsWith("arxiv", StringComparison.Ordinal) ? ": is the ':' after arxiv missing?" : "")}");
                    break;
                case YamlMappingNode { Children.Count: 1 } mapping when mapping.Children.Single().Key is YamlScalarNode { Value: "arxiv" }:
                    if (ReadArxiv(nodes, mapping.Children.Single().Value) is { } search) arxiv.Add(search);
                    break;
                default:
                    nodes.Problem(item, $"an entry of 'sources' is a name ({string.Join(", ", SiteConfig.WebSourceNames)}) or an arxiv search, 'arxiv: {{ categories: [cs.RO], floor: 5 }}'");
                    break;
            }
        }
        return (names, arxiv);
    }

    private static ArxivSearch? ReadArxiv(YamlNodes nodes, YamlNode value)
    {
        if (value is not YamlMappingNode mapping)
        {
            nodes.Problem(value, "'arxiv' must be a mapping of categories, terms, authors and floor, e.g. arxiv: { categories: [cs.RO], floor: 5 }");
            return null;
        }
        var search = new ArxivSearch();
        var ok = true;
        foreach (var (key, keyNode, entry) in nodes.Entries(mapping))
        {
            switch (key)
            {
                case "categories":
                    var categories = nodes.Strings(entry, key);
                    if (categories is null) { ok = false; break; }
                    foreach (var bad in categories.Where(c => !CategoryShape().IsMatch(c)))
                    {
                        nodes.Problem(entry, $"'categories' has '{bad}', which is not an arXiv category such as cs.RO, q-bio.NC or hep-th (arxiv.org/category_taxonomy)");
                        ok = false;
                    }
                    search = search with { Categories = categories };
                    break;
                case "terms":
                case "authors":
                    var phrases = Phrases(nodes, entry, key);
                    if (phrases is null) { ok = false; break; }
                    search = key == "terms" ? search with { Terms = phrases } : search with { Authors = phrases };
                    break;
                case "floor":
                    if (nodes.Integer(entry, key, min: 0) is { } floor) search = search with { Floor = floor };
                    else ok = false;
                    break;
                default:
                    nodes.Problem(keyNode, $"unknown key '{key}' in an arxiv source; known keys are {string.Join(", ", ArxivKeys)}");
                    ok = false;
                    break;
            }
        }
        if (ok && search.Categories.Count + search.Terms.Count + search.Authors.Count == 0)
        {
            nodes.Problem(value, "an arxiv source names categories, terms or authors: one of them at least, or it would ask for all of arXiv");
            ok = false;
        }
        return ok ? search : null;
    }

    /// <summary>Terms or authors: phrases put in quotes in the query, so a quote of their own would end it early.</summary>
    private static IReadOnlyList<string>? Phrases(YamlNodes nodes, YamlNode entry, string key)
    {
        var phrases = nodes.Strings(entry, key);
        if (phrases is null) return null;
        var ok = true;
        if (phrases.Count > MaxTerms) { nodes.Problem(entry, $"'{key}' has {phrases.Count} entries; an arxiv source takes {MaxTerms} at most: split it in two sources"); ok = false; }
        foreach (var phrase in phrases)
        {
            if (phrase.Contains('"') || phrase.Any(char.IsControl))
            { nodes.Problem(entry, $"'{key}' has '{phrase}': a phrase may not hold a double quote or a control character"); ok = false; }
            else if (phrase.Length > MaxTermLength)
            { nodes.Problem(entry, $"'{key}' has a phrase of {phrase.Length} characters; {MaxTermLength} at most"); ok = false; }
        }
        return ok ? phrases.Select(p => p.Trim()).ToList() : null;
    }

    /// <summary>An archive (cs, q-bio, hep-th, cond-mat) and maybe a subject class (RO, NC, mes-hall).</summary>
    [GeneratedRegex(@"^[a-z]+(-[a-z]+)?(\.[A-Za-z]+(-[A-Za-z]+)?)?$")]
    private static partial Regex CategoryShape();
}
