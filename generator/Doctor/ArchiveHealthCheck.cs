using PaperTrail.Build;

namespace PaperTrail.Doctor;

/// <summary>
/// <c>generator check</c> passes on the archive: a paper it names would be left out of the site every
/// night. Run only once site.yml reads, whose problems <see cref="SiteSettingsCheck"/> has named.
/// </summary>
internal sealed class ArchiveHealthCheck(string themesDir) : IForkCheck
{
    public IEnumerable<DoctorFinding> Run(ForkLayout fork)
    {
        if (fork.Config is null) yield break;
        var check = ArchiveCheck.Run(fork.ContentDir, themesDir);
        foreach (var problem in check.Problems)
            yield return DoctorFinding.Problem($"{problem}; `generator check` lists every problem (docs/content.md)");
    }
}
