using PaperTrail.Tools;

namespace PaperTrail.Doctor;

/// <summary>
/// Node.js on PATH: without it a build on this machine makes no search index and shows formulas as
/// TeX. A warning, not a problem: the nightly workflow installs Node.js itself (actions/setup-node),
/// so a machine without it still has a fork that publishes whole.
/// </summary>
internal sealed class NodeCheck(ExecutableLookup lookup) : IForkCheck
{
    public IEnumerable<DoctorFinding> Run(ForkLayout fork)
    {
        if (lookup.Find("node") is null || lookup.Find("npm") is null)
            yield return DoctorFinding.Warning("Node.js (node, npm) is not on PATH: a build here makes no search index and shows formulas as TeX; install Node.js 22 (the nightly installs its own)");
    }
}
