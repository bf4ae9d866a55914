using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Atlas.Web.Api.DiplomaticPosts;

/// <summary>
/// GET /api/v1/diplomatic-posts/{id}/editable, PUT and PATCH /api/v1/diplomatic-posts/{id}: the portal's post editing through
/// the API (name, city, countries, contacts), on behalf of a personal API token's owner and within their scope, from the
/// version the client read (If-Match).
/// </summary>
internal static class DiplomaticPostWriteEndpoints
{
    public static void MapDiplomaticPostWritesApi(this RouteGroupBuilder api)
    {
        var (editable, _, _) = api.MapGroup("/diplomatic-posts").WithTags("Diplomatic posts").MapRecordWrites<DiplomaticPostEditDto, EditableDiplomaticPostDto>(
            new RecordWriteDocs("DiplomaticPost", "diplomatic post", "/api/v1/diplomatic-posts/{id}",
                "The name, city, countries and contacts (with their ids and e-mail addresses) that PUT and PATCH take, and the version to send in If-Match. " +
                    "Needs a personal API token whose owner may edit the post.",
                "Replaces the post's name, city, countries and contacts with the body, by the portal's rules. " + RecordWriteRoutes.TokenAndVersion("post") +
                    " An administrator may, and so may the post's correspondent, who cannot change its countries. Answers the record saved and its new version as ETag.",
                WholeLists: "countries and contacts"),
            GetEditableAsync);
        editable.RequireAuthorization(ApiTokenAuthentication.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    /// <param name="id">The post's id.</param>
    /// <param name="scope">What the token's owner may edit.</param>
    private static async Task<IResult> GetEditableAsync(int id, HttpContext http, EditingScope scope, RecordWriter<DiplomaticPostEditDto> writer, CancellationToken ct)
    {
        // Contacts' e-mail addresses are for the editors of the post only.
        if (await writer.Load(id, ct) is not null && !await scope.MayEditDiplomaticPostAsync(EditorAccessor.From(http.User)!, id, ct))
            return WriteProblems.Forbidden(writer.Name(id));
        return await RecordWrites.EditableAsync(http, id, writer, ct);
    }

    internal static RecordWriter<DiplomaticPostEditDto> Writer(DiplomaticPostQuery posts, DiplomaticPostEditing editing) =>
        new(
            "diplomatic post",
            async (id, ct) => await posts.GetAsync(id, ct) is { } post ? (post.Version, DiplomaticPostEditDto.Of(DiplomaticPostValues.Of(post))) : null,
            (editor, id, version, record, ct) => WriteOutcome.Applied(editing.SaveAsync(editor, id, version, record.ToValues(), ct)),
            (id, version, record) => new EditableDiplomaticPostDto(id, version, record, $"/postes/{id}", DiplomaticPostsEndpoints.ApiUrl(id)));
}
