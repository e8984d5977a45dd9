namespace PaperTrail.Content;

/// <summary>
/// The checks that need the whole archive at once: slugs and ids unique, topics known, redirects
/// resolvable, files where their slug says. Per-file schema checks happen while loading.
/// </summary>
public static class ArchiveChecker
{
    public static void Check(Archive archive, List<ContentProblem> problems)
    {
        var topicSlugs = archive.Topics.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        var owners = new Dictionary<string, PaperFile>(StringComparer.Ordinal);
        var arxivOwners = new Dictionary<string, PaperFile>(StringComparer.Ordinal);

        foreach (var file in archive.Papers)
        {
            var paper = file.Paper;
            // Made only for a problem: ten thousand display paths were most of what checking cost.
            string Where() => DisplayPath.Of(Path.Combine(archive.ContentDir, file.RelativePath));

            if (Path.GetFileNameWithoutExtension(file.RelativePath) != paper.Slug)
                problems.Add(new ContentProblem(Where(), Line(Where(), "slug"), $"slug '{paper.Slug}' does not match the file name; rename the file to {paper.Slug}.md"));

            foreach (var name in paper.Aliases.Prepend(paper.Slug))
            {
                if (owners.TryGetValue(name, out var owner))
                    problems.Add(new ContentProblem(Where(), Line(Where(), name == paper.Slug ? "slug" : "aliases"),
                        $"slug '{name}' is already used by {DisplayPath.Of(Path.Combine(archive.ContentDir, owner.RelativePath))}"));
                else owners[name] = file;
            }

            if (paper.Arxiv is { } id)
            {
                if (arxivOwners.TryGetValue(id, out var owner))
                    problems.Add(new ContentProblem(Where(), Line(Where(), "arxiv"),
                        $"arXiv id {id} is already the identity of {DisplayPath.Of(Path.Combine(archive.ContentDir, owner.RelativePath))}; merge them with redirect_to"));
                else arxivOwners[id] = file;
            }

            foreach (var topic in paper.Topics ?? [])
                if (!topicSlugs.Contains(topic))
                    problems.Add(new ContentProblem(Where(), Line(Where(), "topics"), $"unknown topic '{topic}'; topics.yml defines {string.Join(", ", topicSlugs.Order(StringComparer.Ordinal))}"));
        }

        foreach (var file in archive.Papers.Where(f => f.Paper.RedirectTo is not null))
        {
            var where = DisplayPath.Of(Path.Combine(archive.ContentDir, file.RelativePath));
            var target = file.Paper.RedirectTo!;
            if (!owners.TryGetValue(target, out var targetFile) || targetFile == file)
                problems.Add(new ContentProblem(where, Line(where, "redirect_to"), $"redirect_to '{target}' names no other paper"));
            else if (targetFile.Paper.RedirectTo is not null)
                problems.Add(new ContentProblem(where, Line(where, "redirect_to"), $"redirect_to '{target}' names a paper that itself redirects; point at the final paper"));
        }
    }

    /// <summary>The line of a top-level key in the file, so a problem points where to edit.</summary>
    private static int Line(string file, string key)
    {
        try
        {
            var lines = File.ReadLines(file).Take(200).ToArray();
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].StartsWith(key + ":", StringComparison.Ordinal)) return i + 1;
                if (lines[i].TrimEnd() == "---") break;
            }
        }
        catch (IOException) { }
        return 1;
    }
}
