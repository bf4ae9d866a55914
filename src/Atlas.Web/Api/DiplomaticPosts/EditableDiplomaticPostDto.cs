namespace Atlas.Web.Api.DiplomaticPosts;

/// <summary>A diplomatic post's editable record with its version, to send back in If-Match.</summary>
/// <param name="Id">The post's id.</param>
/// <param name="Version">The version of the record, to send as If-Match ("1234") with a change.</param>
/// <param name="Record">The editable record.</param>
/// <param name="Url">The post's public page.</param>
/// <param name="ApiUrl">The post in this API.</param>
public sealed record EditableDiplomaticPostDto(int Id, uint Version, DiplomaticPostEditDto Record, string Url, string ApiUrl);
