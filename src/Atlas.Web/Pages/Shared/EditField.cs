namespace Atlas.Web.Pages.Shared;

/// <summary>A field the form-field helper does not draw (a text area, a date), with what it shows and its errors.</summary>
public sealed record EditField(string Name, string Label, string Kind, string? Value, IReadOnlyList<string> Errors, string? Hint = null)
{
    public string Id => "f-" + Name.Replace('.', '-');
}
