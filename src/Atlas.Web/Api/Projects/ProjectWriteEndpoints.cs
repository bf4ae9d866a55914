using Atlas.Core.Data;
using Atlas.Core.Editing;
using Atlas.Core.Editing.Review;
using Atlas.Core.Projects;
using Atlas.Web.Api.Writes;
using Atlas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Atlas.Web.Api.Projects;

/// <summary>
/// PUT and PATCH /api/v1/projects/{id}: the portal's project editing through the API, on behalf of a personal API token's
/// owner and within their scope, from the version the client read (If-Match).
/// </summary>
internal static class ProjectWriteEndpoints
{
    public static void MapProjectWritesApi(this RouteGroupBuilder api)
    {
        var (_, put, patch) = api.MapGroup("/projects").WithTags("Projects").MapRecordWrites<ProjectEditDto, EditableProjectDto>(new RecordWriteDocs(
            "Project", "project",
            "The fields, themes (by id) and funding lines (with their ids) that PUT and PATCH take, and the version to send in If-Match.",
            "Replaces the project's fields, themes and funding lines with the body, by the portal's rules. " + RecordWriteRoutes.TokenAndVersion("project") + " " +
                "Answers the record saved and its new version as ETag; an authority editor's change to a published record is not applied " +
                "but accepted for the review of the country's correspondent (202).",
            "A JSON merge patch (RFC 7396) of the editable record: the fields given replace the record's (null empties a field; themes and fundings " +
                "are replaced as whole lists), the others stay. Same token, If-Match, rules and answers as PUT."),
            GetEditableAsync, PutAsync, PatchAsync);
        put.Produces<PendingChangeDto>(StatusCodes.Status202Accepted);
        patch.Produces<PendingChangeDto>(StatusCodes.Status202Accepted);
    }

    /// <param name="id">The project's id.</param>
    /// <param name="http">The request.</param>
    /// <param name="db">The database.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<IResult> GetEditableAsync(int id, HttpContext http, AtlasDbContext db, CancellationToken ct)
    {
        if (Lists.ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        return await LoadAsync(db, id, ct) is { } current ? Editable(http, id, current.Version, current.Values) : NoProject(id);
    }

    /// <param name="id">The project's id.</param>
    /// <param name="ifMatch">The version the change is made from, as a strong ETag ("1234"): the version field of GET /api/v1/projects/{id}, or the ETag of the last change.</param>
    /// <param name="body">The whole editable record.</param>
    /// <param name="http">The request.</param>
    /// <param name="db">The database.</param>
    /// <param name="submission">The editing service (an authority editor's change waits for review).</param>
    /// <param name="history">The history, to name what others changed.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<IResult> PutAsync(int id, [FromHeader(Name = "If-Match")] string? ifMatch, [FromBody] ProjectEditDto body,
        HttpContext http, AtlasDbContext db, ProjectSubmission submission, ChangeHistoryQuery history, CancellationToken ct)
    {
        if (IfMatchVersion.Read(ifMatch) is not { } version) return IfMatchVersion.Problem(ifMatch);
        if (await LoadAsync(db, id, ct) is not { } current) return NoProject(id);
        return await SaveAsync(http, id, version, current.Version, body.ToValues(), submission, history, ct);
    }

    /// <param name="id">The project's id.</param>
    /// <param name="ifMatch">The version the change is made from, as a strong ETag ("1234"): the version field of GET /api/v1/projects/{id}, or the ETag of the last change.</param>
    /// <param name="http">The request, whose body is the merge patch.</param>
    /// <param name="db">The database.</param>
    /// <param name="submission">The editing service (an authority editor's change waits for review).</param>
    /// <param name="history">The history, to name what others changed.</param>
    /// <param name="json">The API's JSON settings.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<IResult> PatchAsync(int id, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, AtlasDbContext db,
        ProjectSubmission submission, ChangeHistoryQuery history, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        if (IfMatchVersion.Read(ifMatch) is not { } version) return IfMatchVersion.Problem(ifMatch);
        if (await LoadAsync(db, id, ct) is not { } current) return NoProject(id);

        var (merged, problem) = await MergePatch.ApplyAsync(http.Request, ProjectEditDto.Of(current.Values), json.Value.SerializerOptions, ct);
        if (problem is not null) return problem;
        return await SaveAsync(http, id, version, current.Version, merged!.ToValues(), submission, history, ct);
    }

    private static async Task<IResult> SaveAsync(HttpContext http, int id, uint version, uint currentVersion, ProjectValues values,
        ProjectSubmission submission, ChangeHistoryQuery history, CancellationToken ct)
    {
        var editor = EditorAccessor.From(http.User)!;
        // A change made from an older version is refused even when it would change nothing now.
        if (version != currentVersion)
            return WriteProblems.Conflict(Record(id), version, new EditResult.Conflict(currentVersion, await history.SinceProjectVersionAsync(id, version, ct)));

        var submitted = await submission.SaveAsync(editor, id, version, values, ct);
        if (submitted is SubmissionResult.Submitted pending)
            return Results.Accepted(value: new PendingChangeDto(pending.PendingChangeId, "pending",
                "An authority editor's change to a published record waits for the review of the country's correspondent; the published record is unchanged until then."));
        return await WriteOutcome.OfAsync(((SubmissionResult.Applied)submitted).Result, Record(id), version,
            async saved => Editable(http, id, saved, values, await LoadEditableValuesAsync(http, id, ct)), () => NoProject(id), ApiField);
    }

    private static async Task<ProjectValues?> LoadEditableValuesAsync(HttpContext http, int id, CancellationToken ct)
    {
        var db = http.RequestServices.GetRequiredService<AtlasDbContext>();
        return (await LoadAsync(db, id, ct))?.Values;
    }

    internal static async Task<(uint Version, ProjectValues Values)?> LoadAsync(AtlasDbContext db, int id, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().WithEditableLines()
            .SingleOrDefaultAsync(p => p.Id == id, ct);
        return project is null ? null : (project.Version, ProjectValues.Of(project));
    }

    private static IResult Editable(HttpContext http, int id, uint version, ProjectValues values, ProjectValues? stored = null)
    {
        IfMatchVersion.Answer(http, version);
        return Results.Ok(new EditableProjectDto(id, version, ProjectEditDto.Of(stored ?? values),
            ProjectDtoMapping.ProjectUrl(id), ProjectDtoMapping.ProjectApiUrl(id)));
    }

    private static IResult NoProject(int id) => ApiProblems.NotFound($"There is no project {id}.");

    /// <summary>A field as the body names it: "Fundings[0].CurrencyCode" is "fundings[0].currency".</summary>
    internal static string ApiField(string field) =>
        WriteProblems.ApiField(field).Replace(".currencyCode", ".currency", StringComparison.Ordinal);

    private static string Record(int id) => $"Project {id}";
}
