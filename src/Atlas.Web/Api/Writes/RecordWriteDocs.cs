namespace Atlas.Web.Api.Writes;

/// <summary>How the OpenAPI document names and describes one kind of record's write routes.</summary>
/// <param name="Name">The record in operation names: "Partnership" gives GetEditablePartnership, ReplacePartnership, PatchPartnership.</param>
/// <param name="Noun">The record in summaries: "partnership", "local authority".</param>
/// <param name="Path">The record's route in the API: "/api/v1/partnerships/{id}".</param>
/// <param name="Editable">What GET …/editable answers.</param>
/// <param name="Replace">What PUT does, its token and If-Match.</param>
/// <param name="WholeLists">The lists PATCH replaces whole rather than merging ("themes and fundings"); null when the record has none.</param>
internal sealed record RecordWriteDocs(string Name, string Noun, string Path, string Editable, string Replace, string? WholeLists)
{
    /// <summary>What PATCH merges: the same rules for every record, its whole lists named.</summary>
    public string Patch =>
        "A JSON merge patch (RFC 7396) of the editable record: the fields given replace the record's (null empties a field" +
        (WholeLists is null ? "" : $"; {WholeLists} are replaced as whole lists") + "), the others stay. Same token, If-Match, rules and answers as PUT.";

    /// <summary>The record's id in the route.</summary>
    public ApiParameter Id => new("id", $"The {Noun}'s id.", In: ApiParameterIn.Bound);

    /// <summary>The version a change is made from.</summary>
    public ApiParameter IfMatch => new("If-Match", "The version the change is made from, as a strong ETag (\"1234\"): the version field of " +
        $"GET {Path}/editable, or the ETag of the last change.", In: ApiParameterIn.Bound);
}
