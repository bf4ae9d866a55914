using Atlas.Core.Editing.Deletion;

namespace Atlas.Web.Api.Writes;

/// <summary>
/// DELETE of projects, partnerships, authorities, organisations and diplomatic posts (soft: an administrator can restore them),
/// and their restoration, on behalf of a personal API token's owner, by the rules of the portal's deletion pages.
/// </summary>
internal static class DeletionEndpoints
{
    private static readonly (RecordKind Kind, string Path, string Tag, string Noun)[] Resources =
    [
        (RecordKind.Project, "projects", "Projects", "project"),
        (RecordKind.Partnership, "partnerships", "Partnerships", "partnership"),
        (RecordKind.Authority, "authorities", "Authorities", "authority"),
        (RecordKind.Organisation, "organisations", "Organisations", "organisation"),
        (RecordKind.DiplomaticPost, "diplomatic-posts", "Diplomatic posts", "diplomatic post"),
    ];

    public static void MapDeletionApi(this RouteGroupBuilder api)
    {
        foreach (var (kind, path, tag, noun) in Resources)
        {
            api.MapDelete($"/{path}/{{id:int}}", DeleteAsync)
                .WithMetadata(new DeletedResource(kind, noun))
                .WithTags(tag)
                .WithName("Delete" + char.ToUpperInvariant(noun[0]) + noun[1..].Replace(" p", "P", StringComparison.Ordinal))
                .WithSummary($"Delete {EnglishArticle.A(noun)}")
                .WithDescription($"Deletes the {noun} softly: it leaves the public pages, the API and the exports, and an administrator can restore it " +
                    "(POST /api/v1/deleted-records/{kind}/{id}/restore). " + Rights(kind) + " Needs a personal API token and If-Match with the version read. " +
                    "A record others depend on (a partnership with projects, an authority in a partnership…) is not deleted: 409 says what to do first.")
                .RequireAuthorization(ApiTokenAuthentication.Policy)
                .Produces(StatusCodes.Status204NoContent)
                .WriteErrors();
        }

        api.MapPost("/deleted-records/{kind}/{id:int}/restore", RestoreAsync)
            .WithTags("Deleted records")
            .WithName("RestoreDeletedRecord")
            .WithSummary("Restore a deleted record")
            .WithDescription("Brings a deleted record back, with the lines deleted along with it (a project's funding lines, participants, volunteers and contacts). " +
                "Administrators only. A line (funding, contact, volunteer, participant) removed from its record's form can be restored alone, into a record that is not deleted.")
            .RequireAuthorization(ApiTokenAuthentication.Policy)
            .Produces(StatusCodes.Status204NoContent)
            .WriteErrors();
    }

    private static string Rights(RecordKind kind) => kind is RecordKind.Project or RecordKind.Partnership
        ? "Correspondents within their post's scope and administrators may; an authority's editor may not."
        : "Administrators only.";

    /// <summary>Which kind of record a DELETE route deletes.</summary>
    private sealed record DeletedResource(RecordKind Kind, string Noun);

    /// <param name="id">The record's id.</param>
    /// <param name="ifMatch">The version the deletion is made from, as a strong ETag ("1234"): the version field of the record.</param>
    private static async Task<IResult> DeleteAsync(int id, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, RecordDeletion deletion, CancellationToken ct)
    {
        if (Lists.ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        if (IfMatchVersion.Read(ifMatch) is not { } version) return IfMatchVersion.Problem(ifMatch);
        var resource = http.GetEndpoint()!.Metadata.GetRequiredMetadata<DeletedResource>();
        return Answer(await deletion.DeleteAsync(EditorAccessor.From(http.User)!, resource.Kind, id, version, ct), resource.Noun, id, version);
    }

    /// <param name="kind">project, partnership, authority, organisation, diplomatic-post, funding, contact, volunteer or participant.</param>
    /// <param name="id">The record's id.</param>
    private static async Task<IResult> RestoreAsync(string kind, int id, HttpContext http, RecordDeletion deletion, CancellationToken ct)
    {
        if (Lists.ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        if (!EnumCode<RecordKind>.TryParse(kind, out var recordKind))
            return ApiProblems.BadParameter("kind", "Give one of: " + string.Join(", ", EnumCode<RecordKind>.All) + ".");
        return Answer(await deletion.RestoreAsync(EditorAccessor.From(http.User)!, recordKind, id, ct), kind, id, null);
    }

    private static IResult Answer(DeletionResult result, string noun, int id, uint? version) => result switch
    {
        DeletionResult.Done => Results.NoContent(),
        DeletionResult.Forbidden => WriteProblems.Forbidden($"The {noun} {id}"),
        DeletionResult.Blocked blocked => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now",
            detail: blocked.English, type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10"),
        DeletionResult.Conflict conflict => WriteProblems.Conflict($"The {noun} {id}", version!.Value, conflict.Changes),
        _ => ApiProblems.NotFound($"There is no {noun} {id}{(version is null ? " in the deleted records" : "")}."),
    };
}
