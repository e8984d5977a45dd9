using System.Text;
using PaperTrail.Errors;

namespace PaperTrail.Content;

/// <summary>
/// <c>content/authors.yml</c>: spellings of one person that the archive's sources write differently,
/// merged under the name shown. Authors are otherwise matched as written (after spaces are tidied and
/// the text normalised to NFC): "Yann LeCun" and "Yann Lecun" are two people until this file says not.
/// <code>
/// same_person:
///   Yann LeCun: [Yann Lecun, Y. LeCun]
/// </code>
/// </summary>
internal sealed class AuthorSpellings
{
    public const string FileName = "authors.yml";

    public static readonly AuthorSpellings None = new(new Dictionary<string, string>(StringComparer.Ordinal));

    private readonly IReadOnlyDictionary<string, string> _shownFor;

    private AuthorSpellings(IReadOnlyDictionary<string, string> shownFor) => _shownFor = shownFor;

    /// <summary>The name an author is listed under: the name authors.yml shows for this spelling, else the name as written, tidied.</summary>
    public string Canonical(string written)
    {
        var name = Tidy(written);
        return _shownFor.GetValueOrDefault(name, name);
    }

    /// <summary>Spaces trimmed and runs of them made one, NFC: the same name typed twice is the same name.</summary>
    public static string Tidy(string name)
    {
        var text = name.Normalize(NormalizationForm.FormC);
        // Nearly every name is tidy already: no copy then (every build looks up every author of every paper).
        return IsTidy(text) ? text : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Whether splitting at white space and joining with single spaces would give the same text.</summary>
    private static bool IsTidy(string text)
    {
        if (text.Length == 0) return true;
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return false;
        for (var i = 1; i < text.Length; i++)
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || text[i - 1] == ' ')) return false;
        return true;
    }

    public static AuthorSpellings Load(string contentDir, List<ContentProblem> problems)
    {
        var path = Path.Combine(contentDir, FileName);
        if (ArchiveLoader.Settings(path, problems) is not { } text) return None;
        var file = DisplayPath.Of(path);
        var nodes = new YamlNodes(file, 0, problems);
        if (text.Trim().Length == 0 || nodes.ParseMapping(text, FileName, maxAliases: 0) is not { } root) return None;
        var shownFor = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, keyNode, value) in nodes.Entries(root))
        {
            if (key != "same_person")
            {
                nodes.Problem(keyNode, $"unknown key '{key}' in {FileName}; the one key is same_person");
                continue;
            }
            if (value is not YamlDotNet.RepresentationModel.YamlMappingNode people)
            {
                nodes.Problem(value, "'same_person' holds names shown, each with a list of other spellings: 'Yann LeCun: [Yann Lecun]'");
                continue;
            }
            foreach (var (shown, _, spellings) in nodes.Entries(people))
            {
                var name = Tidy(shown);
                foreach (var spelling in nodes.Strings(spellings, name) ?? [])
                {
                    var other = Tidy(spelling);
                    if (other == name) continue;
                    if (shownFor.TryGetValue(other, out var already) && already != name)
                        nodes.Problem(spellings, $"'{other}' is already a spelling of '{already}'; a spelling belongs to one person");
                    else shownFor[other] = name;
                }
            }
        }
        // A name shown must not itself be merged into another: that would need two steps.
        foreach (var (other, name) in shownFor.ToList())
            if (shownFor.TryGetValue(name, out var further))
                problems.Add(new ContentProblem(file, 0, $"'{name}' is shown for '{other}' but is itself a spelling of '{further}': list every spelling under '{further}'"));
        return new AuthorSpellings(shownFor);
    }
}
