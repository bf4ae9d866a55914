namespace Atlas.Web.Api.Writes;

/// <summary>
/// POST of new projects, partnerships and authorities, by the portal's rules and scopes, on behalf of a personal API token's
/// owner: 201 with the new editable record, its version as ETag and its address as Location. A new record is published at once.
/// </summary>
internal static class CreateEndpoints
{
    public static void MapCreationApi(this RouteGroupBuilder api)
    {
        api.MapCreate<ProjectEditDto, EditableProjectDto>("/partnerships/{id:int}/projects", CreateProjectAsync, "Projects", "CreateProject", "Create a project in a partnership",
            "Creates a project from its editable record (as PUT takes it; funding lines, participants and volunteers without ids) in the partnership. " +
                "Needs a personal API token of a correspondent or an administrator who may edit the partnership: an authority editor's is refused (403), " +
                "as an authority editor's new project is declared on the portal as a draft and published once a reviewer approves it.");

        api.MapCreate<PartnershipEditDto, EditablePartnershipDto>("/partnerships", CreatePartnershipAsync, "Partnerships", "CreatePartnership", "Create a partnership",
            "Creates a partnership from its editable record (as PUT takes it): at least one French and one foreign authority, by id, " +
                "one of them within the scope of the token's owner. Needs a personal API token of a correspondent or an administrator: an authority " +
                "editor's is refused (403), as an authority editor's new partnership is declared on the portal as a draft and published once a reviewer approves it.");

        api.MapCreate<DiplomaticPostEditDto, EditableDiplomaticPostDto>("/diplomatic-posts", CreatePostAsync, "Diplomatic posts", "CreateDiplomaticPost", "Create a diplomatic post",
            "Creates a diplomatic post from its editable record (as PUT takes it): its name, city, the countries it covers (each covered by no other post) " +
                "and its contacts. Administrators only.");

        api.MapCreate<NewAuthorityDto, EditableAuthorityDto>("/authorities", CreateAuthorityAsync, "Authorities", "CreateAuthority", "Create a local authority",
            "Creates a local authority that is not in the atlas yet: an administrator anywhere, a correspondent in a country of their post. " +
                "An authority of the same name in the same country (accents and case aside) is refused: look it up with GET /api/v1/authorities?q= first.");
    }

    /// <param name="id">The partnership's id.</param>
    /// <param name="body">The new project's editable record.</param>
    private static async Task<IResult> CreateProjectAsync(int id, [FromBody] ProjectEditDto body, HttpContext http, ProjectEditQuery projects, ProjectEditing editing, CancellationToken ct)
    {
        if (Lists.ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        var editor = EditorAccessor.From(http.User)!;
        switch (await editing.CreateAsync(editor, id, body.ToValues(), ct))
        {
            case EditResult.Created created:
                var stored = await projects.ValuesAsync(created.Id, ct);
                return Created(http, created, ProjectDtoMapping.ProjectApiUrl(created.Id), new EditableProjectDto(created.Id, created.Version,
                    ProjectEditDto.Of(stored!.Value.Values), ProjectDtoMapping.ProjectUrl(created.Id), ProjectDtoMapping.ProjectApiUrl(created.Id)));
            case EditResult.Invalid { Errors: var errors } when errors.ContainsKey("PartnershipId"):
                return ApiProblems.NotFound($"There is no partnership {id}.");
            // Not a matter of scope: an authority editor's new project is published only once reviewed.
            case EditResult.Forbidden when editor.Role == EditorRole.AuthorityEditor:
                return WriteProblems.Forbidden($"Partnership {id}", "An authority editor's account does not publish new projects: declare the project " +
                    $"on the portal as a draft (/projets/nouveau?partenariat={id}) and submit it for the review of a partner country's correspondent.");
            case var other:
                return Refused(other, $"Partnership {id}", ProjectWriteEndpoints.ApiField);
        }
    }

    /// <param name="body">The new partnership's editable record.</param>
    private static async Task<IResult> CreatePartnershipAsync([FromBody] PartnershipEditDto body, HttpContext http, PartnershipEditing editing,
        RecordWriter<PartnershipEditDto> writer, CancellationToken ct)
    {
        if (Lists.ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        var editor = EditorAccessor.From(http.User)!;
        var result = await editing.CreateAsync(editor, body.ToValues(), ct);
        // Not a matter of scope: an authority editor's new partnership is published only once reviewed.
        if (result is EditResult.Forbidden && Drafts.DeclaresDrafts(editor))
            return WriteProblems.Forbidden("The new partnership", "An authority editor's account does not publish new partnerships: declare the " +
                "partnership on the portal as a draft (/partenariats/nouveau) and submit it for the review of a partner country's correspondent.");
        return await AnswerAsync(http, result, PartnershipsEndpoints.ApiUrl, writer, "The new partnership", null, ct);
    }

    /// <param name="body">The new post's editable record.</param>
    private static async Task<IResult> CreatePostAsync([FromBody] DiplomaticPostEditDto body, HttpContext http, DiplomaticPostEditing editing,
        RecordWriter<DiplomaticPostEditDto> writer, CancellationToken ct) =>
        Lists.ApiQuery.RefuseAny(http.Request.Query)
            ?? await AnswerAsync(http, await editing.CreateAsync(EditorAccessor.From(http.User)!, body.ToValues(), ct), DiplomaticPostsEndpoints.ApiUrl, writer,
                "Creating a diplomatic post", null, ct);

    /// <param name="body">The new authority: where it is, and its own fields.</param>
    /// <param name="creation">The creation service.</param>
    private static async Task<IResult> CreateAuthorityAsync([FromBody] NewAuthorityDto body, HttpContext http, AuthorityCreation creation,
        RecordWriter<AuthorityEditDto> writer, CancellationToken ct) =>
        Lists.ApiQuery.RefuseAny(http.Request.Query)
            ?? await AnswerAsync(http, await creation.CreateAsync(EditorAccessor.From(http.User)!, body.ToNewAuthority(), ct), AuthoritiesEndpoints.ApiUrl, writer,
                $"Country {body.Country}", field => WriteProblems.ApiField(field.Replace("Values.", "", StringComparison.Ordinal))
                    .Replace("countryCode", "country", StringComparison.Ordinal).Replace("regionCode", "region", StringComparison.Ordinal)
                    .Replace("departmentCode", "department", StringComparison.Ordinal), ct);

    /// <summary>A creation's answer: 201 with the record as stored and its version, or why it was refused.</summary>
    private static async Task<IResult> AnswerAsync<TRecord>(HttpContext http, EditResult result, Func<int, string> location, RecordWriter<TRecord> writer,
        string scope, Func<string, string>? apiField, CancellationToken ct) where TRecord : class =>
        result is EditResult.Created created ? await CreatedAsync(http, created, location(created.Id), writer, ct) : Refused(result, scope, apiField);

    private static async Task<IResult> CreatedAsync<TRecord>(HttpContext http, EditResult.Created created, string location, RecordWriter<TRecord> writer, CancellationToken ct)
        where TRecord : class =>
        Created(http, created, location, writer.Editable(created.Id, created.Version, (await writer.Load(created.Id, ct))!.Value.Record));

    private static IResult Created(HttpContext http, EditResult.Created created, string location, object record)
    {
        IfMatchVersion.Answer(http, created.Version);
        return Results.Created(location, record);
    }

    private static IResult Refused(EditResult result, string scope, Func<string, string>? apiField) => result switch
    {
        EditResult.Invalid invalid => WriteProblems.Invalid(invalid, apiField),
        _ => WriteProblems.Forbidden(scope),
    };
}
