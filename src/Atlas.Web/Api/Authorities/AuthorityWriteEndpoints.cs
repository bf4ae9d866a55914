using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Atlas.Web.Api.Authorities;

/// <summary>
/// PUT and PATCH /api/v1/authorities/{id}: the portal's editing of a local authority's own record through the API, on behalf of a
/// personal API token's owner and within their scope, from the version the client read (If-Match).
/// </summary>
internal static class AuthorityWriteEndpoints
{
    public static void MapAuthorityWritesApi(this RouteGroupBuilder api) =>
        api.MapGroup("/authorities").WithTags("Authorities").MapRecordWrites<AuthorityEditDto, EditableAuthorityDto>(new RecordWriteDocs(
            "Authority", "local authority", "/api/v1/authorities/{id}",
            "The fields that PUT and PATCH take (name, other names, kind, population, leader, website, French identifiers), and the version to send in If-Match.",
            "Replaces the authority's own fields with the body, by the portal's rules (INSEE code and SIREN for French authorities only). " +
                RecordWriteRoutes.TokenAndVersion("authority") + " Answers the record saved and its new version as ETag. Its projects' search follows a new name.",
            WholeLists: null));

    internal static RecordWriter<AuthorityEditDto> Writer(AuthorityEditQuery authorities, AuthorityEditing editing) =>
        new(
            "authority",
            async (id, ct) => await authorities.EditableAsync(id, withContacts: false, ct) is { } authority
                ? (authority.Version, AuthorityEditDto.Of(AuthorityValues.Of(authority))) : null,
            (editor, id, version, record, ct) => WriteOutcome.Applied(editing.SaveAsync(editor, id, version, record.ToValues(), ct)),
            (id, version, record) => new EditableAuthorityDto(id, version, record, ProjectDtoMapping.AuthorityUrl(id), AuthoritiesEndpoints.ApiUrl(id)));
}
