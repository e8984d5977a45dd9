namespace PaperTrail.Doctor;

/// <summary>
/// site.yml reads: every key known and valid, its <c>sources</c> names the nightly knows. Each problem
/// names its line, as <c>check</c> and the build would, and nothing that needs site.yml runs after it.
/// </summary>
internal sealed class SiteSettingsCheck : IForkCheck
{
    public IEnumerable<DoctorFinding> Run(ForkLayout fork) => fork.ConfigProblems.Select(p => DoctorFinding.Problem(p.ToString()));
}
