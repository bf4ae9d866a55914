namespace Atlas.Web.Api.Projects;

/// <summary>A partnership as referenced from a project.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Title of the partnership.</param>
/// <param name="LegalFrame">Legal frame (convention-cadre, accord de jumelage…).</param>
/// <param name="SignedOn">Date of signature, when known to the day.</param>
/// <param name="SignedYear">Year of signature.</param>
/// <param name="Status">active, ended, planned, suspended or unknown.</param>
public sealed record PartnershipRefDto(int Id, string Title, string? LegalFrame = null, DateOnly? SignedOn = null, int? SignedYear = null, string? Status = null);
