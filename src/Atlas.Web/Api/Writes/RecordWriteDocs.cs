namespace Atlas.Web.Api.Writes;

/// <summary>How the OpenAPI document names and describes one kind of record's write routes.</summary>
/// <param name="Name">The record in operation names: "Partnership" gives GetEditablePartnership, ReplacePartnership, PatchPartnership.</param>
/// <param name="Noun">The record in summaries: "partnership", "local authority".</param>
/// <param name="Editable">What GET …/editable answers.</param>
/// <param name="Replace">What PUT does, its token and If-Match.</param>
/// <param name="Patch">What PATCH merges.</param>
internal sealed record RecordWriteDocs(string Name, string Noun, string Editable, string Replace, string Patch);
