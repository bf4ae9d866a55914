namespace Atlas.Web.Api.Countries;

/// <summary>A country in a list, with its counts.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 code, its stable identifier (MA).</param>
/// <param name="Name">French name, accents kept (Maroc).</param>
/// <param name="NameEn">English name (Morocco).</param>
/// <param name="PartnershipCount">Partnerships with at least one local authority of this country (for FR: every partnership with a French authority).</param>
/// <param name="ProjectCount">Projects whose partner countries include it (France is never a project's partner country: 0 for FR).</param>
/// <param name="Url">Its public page.</param>
/// <param name="ApiUrl">Its whole record in this API.</param>
public sealed record CountryListItemDto(string Code, string Name, string NameEn, int PartnershipCount, int ProjectCount, string Url, string ApiUrl);
