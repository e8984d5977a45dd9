using PaperTrail.Site;

namespace PaperTrail.Pipelines;

/// <summary>Plans a family of outputs (paper pages, feeds…) from the site model.</summary>
internal interface IPipeline
{
    IEnumerable<PlannedOutput> Plan(BuildContext context);

    /// <summary>Whether it reads <see cref="SiteModel.Related"/>, which may still be being worked out as the plan starts: such pipelines are planned last.</summary>
    bool ReadsRelatedPapers => false;
}
