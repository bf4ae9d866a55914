namespace Atlas.Web.Api.Fundings;

/// <summary>Who pays a funding line.</summary>
/// <param name="Type">authority (a local authority) or organisation.</param>
/// <param name="Id">Identifier of the authority or of the organisation.</param>
/// <param name="Name">Its name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of its country, when known.</param>
/// <param name="Url">Public page of the authority (organisations have none).</param>
/// <param name="ApiUrl">Its record in this API.</param>
public sealed record FunderDto(string Type, int Id, string Name, string? Country, string? Url, string ApiUrl);
