using Atlas.Core.Data;
using Atlas.Core.Editing;
using Atlas.Web.Api.Writes;
using Atlas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Atlas.Web.Api;

/// <summary>POST /api/v1/partnerships/{id}/projects: a new project in a partnership, by the portal's rules and scopes.</summary>
internal sealed class ProjectCreateEndpoints : IApiEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/partnerships/{id:int}/projects", CreateAsync)
            .WithTags("Projects")
            .WithName("CreateProject")
            .WithSummary("Create a project in a partnership")
            .WithDescription("Creates a project from its editable record (as PUT takes it; funding lines, participants and volunteers without ids) in the partnership. " +
                "Needs a personal API token whose owner may edit the partnership. Answers 201 with the new record, its version as ETag and its address as Location; " +
                "a new project is published at once.")
            .RequireAuthorization(ApiTokenAuthentication.Policy)
            .Accepts<ProjectEditDto>("application/json")
            .Produces<EditableProjectDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <param name="id">The partnership's id.</param>
    /// <param name="body">The new project's editable record.</param>
    /// <param name="http">The request.</param>
    /// <param name="db">The database.</param>
    /// <param name="editing">The editing service.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<IResult> CreateAsync(int id, [FromBody] ProjectEditDto body, HttpContext http, AtlasDbContext db, ProjectEditing editing, CancellationToken ct)
    {
        if (Lists.ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        var result = await editing.CreateAsync(EditorAccessor.From(http.User)!, id, body.ToValues(), ct);
        switch (result)
        {
            case EditResult.Created created:
                var stored = await ProjectWriteEndpoints.LoadAsync(db, created.Id, ct);
                IfMatchVersion.AnswerAfterWrite(http, created.Version);
                return Results.Created(ProjectMapping.ProjectApiUrl(created.Id),
                    new EditableProjectDto(created.Id, created.Version, ProjectEditDto.Of(stored!.Value.Values), ProjectMapping.ProjectUrl(created.Id), ProjectMapping.ProjectApiUrl(created.Id)));
            case EditResult.Invalid { Errors: var errors } when errors.ContainsKey("PartnershipId"):
                return ApiProblems.NotFound($"There is no partnership {id}.");
            case EditResult.Invalid invalid:
                return WriteProblems.Invalid(invalid, ProjectWriteEndpoints.ApiField);
            default:
                return WriteProblems.Forbidden($"Partnership {id}");
        }
    }
}
