using PaperTrail.Site;

namespace PaperTrail.Pipelines;

/// <summary>Plans a family of outputs (paper pages, feeds…) from the site model.</summary>
internal interface IPipeline
{
    IEnumerable<PlannedOutput> Plan(BuildContext context);
}
