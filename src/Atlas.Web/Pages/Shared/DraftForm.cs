namespace Atlas.Web.Pages.Shared;

/// <summary>
/// What the form of a declared record's draft shows around its fields, the same for a project and a partnership: the draft
/// (null before its first save), the record's noun (« projet », « partenariat », both masculine), and where a new draft's form
/// posts before it has an address of its own.
/// </summary>
public sealed record DraftForm(Draft? Draft, string Noun, string NewAction);
