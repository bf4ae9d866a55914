using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Atlas.Web.Api.Partnerships;

/// <summary>
/// PUT and PATCH /api/v1/partnerships/{id}: the portal's partnership editing through the API, on behalf of a personal API
/// token's owner and within their scope, from the version the client read (If-Match).
/// </summary>
internal static class PartnershipWriteEndpoints
{
    public static void MapPartnershipWritesApi(this RouteGroupBuilder api) =>
        api.MapGroup("/partnerships").WithTags("Partnerships").MapRecordWrites<PartnershipEditDto, EditablePartnershipDto>(new RecordWriteDocs(
            "Partnership", "partnership", "/api/v1/partnerships/{id}",
            "The fields, themes (by id) and authorities (by id) that PUT and PATCH take, and the version to send in If-Match.",
            "Replaces the partnership's fields, themes and authorities with the body, by the portal's rules. " + RecordWriteRoutes.TokenAndVersion("partnership") +
                " Answers the record saved and its new version as ETag. Its projects' search follows new authorities and themes.",
            WholeLists: "themeIds and authorityIds"));

    internal static RecordWriter<PartnershipEditDto> Writer(PartnershipEditQuery partnerships, PartnershipEditing editing) =>
        new(
            "partnership",
            async (id, ct) => await partnerships.EditableAsync(id, withContacts: false, ct) is { } partnership
                ? (partnership.Version, PartnershipEditDto.Of(PartnershipValues.Of(partnership))) : null,
            (editor, id, version, record, ct) => WriteOutcome.Applied(editing.SaveAsync(editor, id, version, record.ToValues(), ct)),
            (id, version, record) => new EditablePartnershipDto(id, version, record, $"/partenariats/{id}", PartnershipsEndpoints.ApiUrl(id)));
}
