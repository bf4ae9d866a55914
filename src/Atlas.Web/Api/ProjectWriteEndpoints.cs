using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Atlas.Core.Data;
using Atlas.Core.Editing;
using Atlas.Core.Editing.Review;
using Atlas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Atlas.Web.Api;

/// <summary>
/// PUT and PATCH /api/v1/projects/{id}: the portal's project editing through the API, on behalf of a personal API token's
/// owner and within their scope, from the version the client read (If-Match).
/// </summary>
internal sealed partial class ProjectWriteEndpoints : IApiEndpoints
{
    private const string MergePatch = "application/merge-patch+json";

    public static void Map(RouteGroupBuilder api)
    {
        var projects = api.MapGroup("/projects").WithTags("Projects");

        projects.MapGet("/{id:int}/editable", GetEditableAsync)
            .WithName("GetEditableProject")
            .WithSummary("One project's editable record")
            .WithDescription("The fields, themes (by id) and funding lines (with their ids) that PUT and PATCH take, and the version to send in If-Match.")
            .Produces<EditableProjectDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        projects.MapPut("/{id:int}", PutAsync)
            .WithName("ReplaceProject")
            .WithSummary("Change a project's editable record")
            .WithDescription("Replaces the project's fields, themes and funding lines with the body, by the portal's rules. Needs a personal API token " +
                "(Authorization: Bearer atl_…) whose owner may edit the project, and If-Match with the version read (the version field, as a strong ETag: \"1234\"). " +
                "Answers the record saved and its new version as ETag; an authority editor's change to a published record is not applied " +
                "but accepted for the review of the country's correspondent (202).")
            .RequireAuthorization(ApiTokenAuthentication.Policy)
            .Accepts<ProjectEditDto>("application/json")
            .Produces<EditableProjectDto>()
            .WriteErrors();

        projects.MapPatch("/{id:int}", PatchAsync)
            .WithName("PatchProject")
            .WithSummary("Change some fields of a project's editable record")
            .WithDescription("A JSON merge patch (RFC 7396) of the editable record: the fields given replace the record's (null empties a field; themes and fundings " +
                "are replaced as whole lists), the others stay. Same token, If-Match, rules and answers as PUT.")
            .RequireAuthorization(ApiTokenAuthentication.Policy)
            .Accepts<ProjectEditDto>(MergePatch, "application/json")
            .Produces<EditableProjectDto>()
            .WriteErrors();
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
        if (ReadVersion(ifMatch) is not { } version) return VersionProblem(ifMatch);
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
        if (ReadVersion(ifMatch) is not { } version) return VersionProblem(ifMatch);
        if (await LoadAsync(db, id, ct) is not { } current) return NoProject(id);

        var (merged, problem) = await MergePatchAsync(http.Request, ProjectEditDto.Of(current.Values), json.Value.SerializerOptions, ct);
        if (merged is null) return problem!;
        return await SaveAsync(http, id, version, current.Version, merged.ToValues(), submission, history, ct);
    }

    /// <summary>The editable record <paramref name="current"/> with the request's merge patch applied, or the 400 of a body that is not one.</summary>
    internal static async Task<(TRecord? Merged, IResult? Problem)> MergePatchAsync<TRecord>(HttpRequest request, TRecord current, JsonSerializerOptions options, CancellationToken ct)
        where TRecord : class
    {
        try
        {
            var patch = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
            if (patch is JsonObject && Merge(JsonSerializer.SerializeToNode(current, options), patch)!.Deserialize<TRecord>(options) is { } merged)
                return (merged, null);
            return (null, ApiProblems.BadParameter("body", "A merge patch is a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.BadParameter("body", "Not a valid JSON merge patch of the editable record: " + e.Message));
        }
    }

    private static async Task<IResult> SaveAsync(HttpContext http, int id, uint version, uint currentVersion, ProjectValues values,
        ProjectSubmission submission, ChangeHistoryQuery history, CancellationToken ct)
    {
        var editor = EditorAccessor.From(http.User)!;
        // A change made from an older version is refused even when it would change nothing now.
        if (version != currentVersion)
            return Conflict(id, version, new EditResult.Conflict(currentVersion, await history.SinceProjectVersionAsync(id, version, ct)));

        var submitted = await submission.SaveAsync(editor, id, version, values, ct);
        if (submitted is SubmissionResult.Submitted pending)
            return Results.Accepted(value: new PendingChangeDto(pending.PendingChangeId, "pending",
                "An authority editor's change to a published record waits for the review of the country's correspondent; the published record is unchanged until then."));
        return ((SubmissionResult.Applied)submitted).Result switch
        {
            EditResult.Saved saved => Editable(http, id, saved.Version, values, await LoadEditableValuesAsync(http, id, ct)),
            EditResult.Invalid invalid => Invalid(invalid),
            EditResult.Forbidden => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: $"Project {id} is outside the scope of the token's account.", type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4"),
            EditResult.NotFound => NoProject(id),
            EditResult.Conflict conflict => Conflict(id, version, conflict),
            var other => throw new InvalidOperationException($"Unexpected edit result {other}."),
        };
    }

    private static async Task<ProjectValues?> LoadEditableValuesAsync(HttpContext http, int id, CancellationToken ct)
    {
        var db = http.RequestServices.GetRequiredService<AtlasDbContext>();
        return (await LoadAsync(db, id, ct))?.Values;
    }

    private static async Task<(uint Version, ProjectValues Values)?> LoadAsync(AtlasDbContext db, int id, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().AsSplitQuery().Include(p => p.Themes).Include(p => p.Fundings)
            .SingleOrDefaultAsync(p => p.Id == id, ct);
        return project is null ? null : (project.Version, ProjectValues.Of(project));
    }

    private static IResult Editable(HttpContext http, int id, uint version, ProjectValues values, ProjectValues? stored = null)
    {
        if (!HttpMethods.IsGet(http.Request.Method)) http.Response.Headers.ETag = Tag(version);
        return Results.Ok(new EditableProjectDto(id, version, ProjectEditDto.Of(stored ?? values),
            ProjectMapping.ProjectUrl(id), ProjectMapping.ProjectApiUrl(id)));
    }

    internal static string Tag(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version of a strong ETag ("1234"); null when missing or not one.</summary>
    internal static uint? ReadVersion(string? ifMatch) =>
        EntityTagHeaderValue.TryParse(ifMatch, out var tag) && !tag.IsWeak
        && uint.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    internal static IResult VersionProblem(string? ifMatch) => string.IsNullOrWhiteSpace(ifMatch)
        ? Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
            detail: "Send If-Match with the version the change is made from (the version field of the record, as a strong ETag: \"1234\").",
            type: "https://www.rfc-editor.org/rfc/rfc6585#section-3")
        : ApiProblems.BadParameter("If-Match", "Give the record's version as one strong ETag, e.g. \"1234\".");

    private static IResult NoProject(int id) => ApiProblems.NotFound($"There is no project {id}.");

    private static IResult Conflict(int id, uint version, EditResult.Conflict conflict) => Conflict($"Project {id}", version, conflict);

    /// <summary>409: what <paramref name="record"/> ("Project 12") had changed since the version the change was made from, and by whom.</summary>
    internal static IResult Conflict(string record, uint version, EditResult.Conflict conflict)
    {
        var fields = conflict.Fields;
        var authors = conflict.Changes.Select(c => c.UserName).Distinct(StringComparer.Ordinal).ToList();
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Edit conflict",
            Detail = $"{record} was changed since version {version}" + (authors.Count > 0 ? " by " + string.Join(", ", authors) : "") +
                (fields.Count > 0 ? ": " + string.Join(", ", fields) : "") + $". Nothing was saved: read version {conflict.CurrentVersion} and make the change again.",
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        };
        problem.Extensions["fields"] = fields;
        problem.Extensions["currentVersion"] = conflict.CurrentVersion;
        return Results.Problem(problem);
    }

    internal static IResult Invalid(EditResult.Invalid invalid) => Results.Problem(new ValidationProblemDetails(
        invalid.Errors.ToDictionary(e => ApiField(e.Key), e => e.Value.Select(f => f.English).ToArray(), StringComparer.Ordinal))
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Invalid record",
        Detail = "Nothing was saved: " + string.Join(" ", invalid.Errors.Select(e => $"{ApiField(e.Key)}: {string.Join(" ", e.Value.Select(f => f.English))}")),
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
    });

    /// <summary>A field as the body names it: "Fundings[0].CurrencyCode" is "fundings[0].currency".</summary>
    private static string ApiField(string field) =>
        SegmentStart().Replace(field, m => m.Value.ToLowerInvariant()).Replace(".currencyCode", ".currency", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<=^|\.)[A-Z]")]
    private static partial Regex SegmentStart();

    /// <summary>RFC 7396: the patch's members replace the target's, null removes one, objects merge, everything else replaces.</summary>
    internal static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members) return patch?.DeepClone();
        var result = target as JsonObject ?? [];
        foreach (var (name, value) in members)
        {
            if (value is null) result[name] = null;
            else result[name] = Merge(result[name]?.DeepClone(), value);
        }
        return result;
    }
}

internal static class ProjectWriteResponses
{
    /// <summary>The errors every write answers with, as problem+json; with <paramref name="review"/>, the 202 of a change waiting for review.</summary>
    public static RouteHandlerBuilder WriteErrors(this RouteHandlerBuilder builder, bool review = true) => (review
            ? builder.Produces<PendingChangeDto>(StatusCodes.Status202Accepted) : builder)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
