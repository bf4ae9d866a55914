namespace Atlas.Web.Pages.Shared;

/// <summary>One choice of a select or of a group of radio buttons.</summary>
public sealed record FieldOption(string Value, string Label);
