namespace Atlas.Web.Api.Stats;

/// <summary>What one partner country counts.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 code.</param>
/// <param name="Name">French name.</param>
/// <param name="ProjectCount">Projects whose partner countries include it.</param>
/// <param name="PartnershipCount">Partnerships with at least one of its authorities.</param>
/// <param name="Url">Its public page.</param>
/// <param name="ApiUrl">Its record in this API.</param>
public sealed record StatsCountryDto(string Code, string Name, int ProjectCount, int PartnershipCount, string Url, string ApiUrl);
