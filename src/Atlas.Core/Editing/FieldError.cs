namespace Atlas.Core.Editing;

/// <summary>One rule a field breaks: a stable code, the French message shown beside the field, its English text for the API.</summary>
public sealed record FieldError(string Code, string Message)
{
    public string English => EditingRules.English(Code);
}
