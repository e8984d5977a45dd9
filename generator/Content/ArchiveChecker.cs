using PaperTrail.Errors;

namespace PaperTrail.Content;

/// <summary>
/// The checks that need the whole archive at once: slugs and ids unique, topics known, redirects
/// resolvable, files where their slug says. Per-file schema checks happen while loading. Each problem
/// is reported on one paper file: of two that claim one slug or id, the later.
/// </summary>
internal static class ArchiveChecker
{
    public static void Check(Archive archive, List<ContentProblem> problems) =>
        problems.AddRange(ProblemsByPaper(archive).Select(p => p.Problem));

    /// <summary>Every problem, with the paper file it is reported on.</summary>
    /// <param name="leftOut">Slugs of papers a build leaves out, with their files: a redirect to one names it.</param>
    public static IReadOnlyList<(PaperFile File, ContentProblem Problem)> ProblemsByPaper(Archive archive, IReadOnlyDictionary<string, string>? leftOut = null)
    {
        var problems = new List<(PaperFile, ContentProblem)>();
        var topicSlugs = archive.Topics.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        var owners = new Dictionary<string, PaperFile>(StringComparer.Ordinal);
        var arxivOwners = new Dictionary<string, PaperFile>(StringComparer.Ordinal);

        foreach (var file in archive.Papers)
        {
            var paper = file.Paper;
            // Made only for a problem: ten thousand display paths were most of what checking cost.
            string Where() => DisplayPath.Of(Path.Combine(archive.ContentDir, file.RelativePath));
            void Problem(string key, string message) => problems.Add((file, new ContentProblem(Where(), ContentLines.OfKey(Where(), key), message)));

            if (Path.GetFileNameWithoutExtension(file.RelativePath) != paper.Slug)
                Problem("slug", $"slug '{paper.Slug}' does not match the file name; rename the file to {paper.Slug}.md");

            foreach (var name in paper.Aliases.Prepend(paper.Slug))
            {
                if (owners.TryGetValue(name, out var owner))
                    Problem(name == paper.Slug ? "slug" : "aliases", $"slug '{name}' is already used by {DisplayPath.Of(Path.Combine(archive.ContentDir, owner.RelativePath))}");
                else owners[name] = file;
            }

            if (paper.Arxiv is { } id)
            {
                if (arxivOwners.TryGetValue(id, out var owner))
                    Problem("arxiv", $"arXiv id {id} is already the identity of {DisplayPath.Of(Path.Combine(archive.ContentDir, owner.RelativePath))}; merge them with redirect_to");
                else arxivOwners[id] = file;
            }

            foreach (var topic in paper.Topics ?? [])
                if (!topicSlugs.Contains(topic))
                    Problem("topics", $"unknown topic '{topic}'; topics.yml defines {string.Join(", ", topicSlugs.Order(StringComparer.Ordinal))}");
        }

        foreach (var file in archive.Papers.Where(f => f.Paper.RedirectTo is not null))
        {
            var where = DisplayPath.Of(Path.Combine(archive.ContentDir, file.RelativePath));
            var target = file.Paper.RedirectTo!;
            string? message = null;
            if (!owners.TryGetValue(target, out var targetFile) || targetFile == file)
                message = leftOut?.GetValueOrDefault(target) is { } gone
                    ? $"redirect_to '{target}' names {gone}, which is left out of the site"
                    : $"redirect_to '{target}' names no other paper";
            else if (targetFile.Paper.RedirectTo is not null)
                message = $"redirect_to '{target}' names a paper that itself redirects; point at the final paper";
            if (message is not null) problems.Add((file, new ContentProblem(where, ContentLines.OfKey(where, "redirect_to"), message)));
        }
        return problems;
    }
}
