namespace Atlas.Web.Api.Authorities;

/// <summary>How many projects an authority takes part in, by status.</summary>
/// <param name="Total">All its projects.</param>
/// <param name="Planned">Planned ones.</param>
/// <param name="Ongoing">Ongoing ones.</param>
/// <param name="Completed">Completed ones.</param>
/// <param name="ApiUrl">The list of these projects in this API.</param>
public sealed record ProjectCountsDto(int Total, int Planned, int Ongoing, int Completed, string ApiUrl);
