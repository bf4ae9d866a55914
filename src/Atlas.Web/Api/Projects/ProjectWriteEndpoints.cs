using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

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
            "Project", "project", "/api/v1/projects/{id}",
            "The fields, themes (by id) and funding lines (with their ids) that PUT and PATCH take, and the version to send in If-Match.",
            "Replaces the project's fields, themes and funding lines with the body, by the portal's rules. " + RecordWriteRoutes.TokenAndVersion("project") + " " +
                "Answers the record saved and its new version as ETag; an authority editor's change to a published record is not applied " +
                "but accepted for the review of the country's correspondent (202).",
            WholeLists: "themes and fundings"));
        put.Produces<PendingChangeDto>(StatusCodes.Status202Accepted);
        patch.Produces<PendingChangeDto>(StatusCodes.Status202Accepted);
    }

    // A change made from an older version is refused even when it would change nothing now: ProjectEditing's own check, the
    // same for a direct save and for an authority editor's change sent to review (the endpoint once repeated it).
    internal static RecordWriter<ProjectEditDto> Writer(ProjectEditQuery projects, ProjectSubmission submission) =>
        new(
            "project",
            async (id, ct) => await projects.ValuesAsync(id, ct) is { } current ? (current.Version, ProjectEditDto.Of(current.Values)) : null,
            (editor, id, version, record, ct) => submission.SaveAsync(editor, id, version, record.ToValues(), ct),
            (id, version, record) => new EditableProjectDto(id, version, record, ProjectDtoMapping.ProjectUrl(id), ProjectDtoMapping.ProjectApiUrl(id)),
            ApiField);

    /// <summary>A field as the body names it: "Fundings[0].CurrencyCode" is "fundings[0].currency".</summary>
    internal static string ApiField(string field) =>
        WriteProblems.ApiField(field).Replace(".currencyCode", ".currency", StringComparison.Ordinal);
}
