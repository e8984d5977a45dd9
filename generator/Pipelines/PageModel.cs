namespace PaperTrail.Pipelines;

/// <summary>A page's head (<c>page</c>) and its layout's model (<c>model</c>), as a view function returns them.</summary>
internal sealed record PageModel(Views.PageView Page, object Model);
