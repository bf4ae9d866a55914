namespace Atlas.Web.Pages.Informations;

/// <summary>
/// The model of the pages that only say something: « Mentions légales », « Accessibilité », « Données personnelles », « Contact »,
/// « Plan du site » and /design. They read the operator's identity and nothing else.
/// </summary>
public sealed class InformationPageModel(OperatorIdentity identity) : PageModel
{
    public OperatorIdentity Operator => identity;

    public void OnGet()
    {
    }
}
