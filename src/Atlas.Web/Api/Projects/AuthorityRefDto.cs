namespace Atlas.Web.Api.Projects;

/// <summary>A local authority as referenced from another record.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Official name, accents kept.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of its country.</param>
/// <param name="Url">Its public page.</param>
public sealed record AuthorityRefDto(int Id, string Name, string Country, string Url);
