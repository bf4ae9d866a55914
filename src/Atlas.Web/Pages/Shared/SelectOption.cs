namespace Atlas.Web.Pages.Shared;

/// <summary>One option of a filter select; <see cref="Count"/> is set for facet values (approximate when <see cref="Estimated"/>), <see cref="Level"/> indents themes.</summary>
public sealed record SelectOption(string Value, string Label, int? Count = null, int Level = 1, bool Selected = false, bool Estimated = false);
