using Atlas.Core.DiplomaticPosts;
using Atlas.Core.Editing;
using Atlas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Atlas.Web.Api;

/// <summary>
/// GET /api/v1/diplomatic-posts/{id}/editable, PUT and PATCH /api/v1/diplomatic-posts/{id}: the portal's post editing through
/// the API (name, city, countries, contacts), on behalf of a personal API token's owner and within their scope, from the
/// version the client read (If-Match). The If-Match, problem and merge-patch handling is the project writes'.
/// </summary>
internal sealed class DiplomaticPostWriteEndpoints : IApiEndpoints
{
    private const string MergePatch = "application/merge-patch+json";

    public static void Map(RouteGroupBuilder api)
    {
        var posts = api.MapGroup("/diplomatic-posts").WithTags("Diplomatic posts");

        posts.MapGet("/{id:int}/editable", GetEditableAsync)
            .WithName("GetEditableDiplomaticPost")
            .WithSummary("One diplomatic post's editable record")
            .WithDescription("The name, city, countries and contacts (with their ids and e-mail addresses) that PUT and PATCH take, and the version to send in If-Match. " +
                "Needs a personal API token whose owner may edit the post.")
            .RequireAuthorization(ApiTokenAuthentication.Policy)
            .Produces<EditableDiplomaticPostDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        posts.MapPut("/{id:int}", PutAsync)
            .WithName("ReplaceDiplomaticPost")
            .WithSummary("Change a diplomatic post's editable record")
            .WithDescription("Replaces the post's name, city, countries and contacts with the body, by the portal's rules. Needs a personal API token " +
                "(Authorization: Bearer atl_…) whose owner may edit the post (an administrator, or the post's correspondent, who may not change its countries), " +
                "and If-Match with the version read (the version field, as a strong ETag: \"1234\"). Answers the record saved and its new version as ETag.")
            .RequireAuthorization(ApiTokenAuthentication.Policy)
            .Accepts<DiplomaticPostEditDto>("application/json")
            .Produces<EditableDiplomaticPostDto>()
            .WriteErrors(review: false);

        posts.MapPatch("/{id:int}", PatchAsync)
            .WithName("PatchDiplomaticPost")
            .WithSummary("Change some fields of a diplomatic post's editable record")
            .WithDescription("A JSON merge patch (RFC 7396) of the editable record: the fields given replace the record's (null empties a field; countries and contacts " +
                "are replaced as whole lists), the others stay. Same token, If-Match, rules and answers as PUT.")
            .RequireAuthorization(ApiTokenAuthentication.Policy)
            .Accepts<DiplomaticPostEditDto>(MergePatch, "application/json")
            .Produces<EditableDiplomaticPostDto>()
            .WriteErrors(review: false);
    }

    /// <param name="id">The post's id.</param>
    /// <param name="http">The request.</param>
    /// <param name="posts">The posts.</param>
    /// <param name="scope">What the token's owner may edit.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<IResult> GetEditableAsync(int id, HttpContext http, DiplomaticPostQuery posts, EditingScope scope, CancellationToken ct)
    {
        if (Lists.ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        if (await LoadAsync(posts, id, ct) is not { } current) return NoPost(id);
        // Contacts' e-mail addresses are for the editors of the post only.
        if (!await scope.MayEditDiplomaticPostAsync(EditorAccessor.From(http.User)!, id, ct)) return Forbidden(id);
        return Editable(http, id, current.Version, current.Values);
    }

    /// <param name="id">The post's id.</param>
    /// <param name="ifMatch">The version the change is made from, as a strong ETag ("1234"): the version field of GET /api/v1/diplomatic-posts/{id}/editable, or the ETag of the last change.</param>
    /// <param name="body">The whole editable record.</param>
    /// <param name="http">The request.</param>
    /// <param name="posts">The posts.</param>
    /// <param name="editing">The editing service.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<IResult> PutAsync(int id, [FromHeader(Name = "If-Match")] string? ifMatch, [FromBody] DiplomaticPostEditDto body,
        HttpContext http, DiplomaticPostQuery posts, DiplomaticPostEditing editing, CancellationToken ct)
    {
        if (ProjectWriteEndpoints.ReadVersion(ifMatch) is not { } version) return ProjectWriteEndpoints.VersionProblem(ifMatch);
        if (await LoadAsync(posts, id, ct) is null) return NoPost(id);
        return await SaveAsync(http, id, version, body.ToValues(), posts, editing, ct);
    }

    /// <param name="id">The post's id.</param>
    /// <param name="ifMatch">The version the change is made from, as a strong ETag ("1234"): the version field of GET /api/v1/diplomatic-posts/{id}/editable, or the ETag of the last change.</param>
    /// <param name="http">The request, whose body is the merge patch.</param>
    /// <param name="posts">The posts.</param>
    /// <param name="editing">The editing service.</param>
    /// <param name="json">The API's JSON settings.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<IResult> PatchAsync(int id, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, DiplomaticPostQuery posts,
        DiplomaticPostEditing editing, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        if (ProjectWriteEndpoints.ReadVersion(ifMatch) is not { } version) return ProjectWriteEndpoints.VersionProblem(ifMatch);
        if (await LoadAsync(posts, id, ct) is not { } current) return NoPost(id);

        var (merged, problem) = await ProjectWriteEndpoints.MergePatchAsync(http.Request, DiplomaticPostEditDto.Of(current.Values), json.Value.SerializerOptions, ct);
        if (merged is null) return problem!;
        return await SaveAsync(http, id, version, merged.ToValues(), posts, editing, ct);
    }

    private static async Task<IResult> SaveAsync(HttpContext http, int id, uint version, DiplomaticPostValues values,
        DiplomaticPostQuery posts, DiplomaticPostEditing editing, CancellationToken ct) =>
        await editing.SaveAsync(EditorAccessor.From(http.User)!, id, version, values, ct) switch
        {
            EditResult.Saved saved => Editable(http, id, saved.Version, (await LoadAsync(posts, id, ct))!.Value.Values),
            EditResult.Invalid invalid => ProjectWriteEndpoints.Invalid(invalid),
            EditResult.Forbidden => Forbidden(id),
            EditResult.NotFound => NoPost(id),
            EditResult.Conflict conflict => ProjectWriteEndpoints.Conflict($"Diplomatic post {id}", version, conflict),
            var other => throw new InvalidOperationException($"Unexpected edit result {other}."),
        };

    private static async Task<(uint Version, DiplomaticPostValues Values)?> LoadAsync(DiplomaticPostQuery posts, int id, CancellationToken ct) =>
        await posts.GetAsync(id, ct) is { } post ? (post.Version, DiplomaticPostValues.Of(post)) : null;

    private static IResult Editable(HttpContext http, int id, uint version, DiplomaticPostValues values)
    {
        // A GET's ETag is the data's (ApiConditionalGet); after a change, it is the version to send next.
        if (!HttpMethods.IsGet(http.Request.Method)) http.Response.Headers.ETag = ProjectWriteEndpoints.Tag(version);
        return Results.Ok(new EditableDiplomaticPostDto(id, version, DiplomaticPostEditDto.Of(values), $"/postes/{id}", DiplomaticPostsEndpoints.ApiUrl(id)));
    }

    private static IResult Forbidden(int id) => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
        detail: $"Diplomatic post {id} is outside the scope of the token's account.", type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4");

    private static IResult NoPost(int id) => ApiProblems.NotFound($"There is no diplomatic post {id}.");
}
