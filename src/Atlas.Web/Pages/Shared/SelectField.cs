namespace Atlas.Web.Pages.Shared;

/// <summary>A labelled select of the search form, with its facet name (data-testid="facet-{Facet}") and its errors.</summary>
public sealed record SelectField(
    string Name, string Label, string AllLabel, string? Facet, IReadOnlyList<SelectOption> Options, IReadOnlyList<string> Errors)
{
    public string Id => $"f-{Name}";
    public string ErrorId => $"err-{Name}";
}
