namespace PaperTrail.Doctor;

/// <summary>
/// <c>generator doctor</c>: checks a fork before its first nightly, one concern after another in a
/// fixed order, and ends with what no offline check can see: GitHub turns scheduled workflows off in
/// a new fork, and off again after 60 days without a commit.
/// </summary>
internal static class ForkDoctor
{
    public static readonly DoctorFinding ScheduleNote = DoctorFinding.Note(
        "GitHub runs no scheduled workflow in a new fork until it is enabled in the Actions tab, and disables it after 60 days without a commit: enable \"Nightly publish\" there, then Run workflow for the first deploy");

    public static IReadOnlyList<DoctorFinding> Examine(ForkLayout fork, IEnumerable<IForkCheck> checks) =>
        [.. checks.SelectMany(check => check.Run(fork)), ScheduleNote];
}
