namespace Atlas.Web.Pages.Projets;

/// <summary>One option of a filter select; <see cref="Count"/> is set for facet values (approximate when <see cref="Estimated"/>), <see cref="Level"/> indents themes.</summary>
public sealed record SelectOption(string Value, string Label, int? Count = null, int Level = 1, bool Selected = false, bool Estimated = false);

/// <summary>A labelled select of the search form, with its facet name (data-testid="facet-{Facet}") and its errors.</summary>
public sealed record SelectField(
    string Name, string Label, string AllLabel, string? Facet, IReadOnlyList<SelectOption> Options, IReadOnlyList<string> Errors)
{
    public string Id => $"f-{Name}";
    public string ErrorId => $"err-{Name}";
}
