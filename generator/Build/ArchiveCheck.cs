using PaperTrail.Content;

namespace PaperTrail.Build;

/// <summary>
/// What <c>generator check</c> finds in an archive: every rule a build leaves a paper out for, links
/// to this site's own pages included (the site is planned, not rendered, to judge them), and the
/// fields a build shows cut. <c>check</c> and <c>doctor</c> both run it.
/// </summary>
internal sealed record ArchiveCheck(int Papers, int Topics, IReadOnlyList<ContentProblem> Problems, IReadOnlyList<string> Warnings)
{
    public static ArchiveCheck Run(string contentDir, string themesDir)
    {
        var problems = new List<ContentProblem>();
        var archive = ArchiveLoader.Load(contentDir, problems);
        var tables = LearnedTables.Load(contentDir, problems);
        var quarantine = Quarantine.Sort(archive, problems);
        // With site.yml or topics.yml broken there is no site to plan; those problems come first anyway.
        if (quarantine.ArchiveProblems.Count == 0)
            SitePlanning.LeaveOutLinksToNoPage(quarantine, tables.TopicModel, themesDir);
        // A field over its limit is shown cut and its paper kept: a warning, not a problem (PaperFieldCaps).
        var warnings = PaperFieldCaps.Warnings(quarantine.Archive).ToList();
        return new ArchiveCheck(archive.Papers.Count, archive.Topics.Count, quarantine.Problems, warnings);
    }
}
