namespace Atlas.Web.Pages.Projets;

/// <summary>
/// One participant of a project, once, with every role it holds: French and foreign authorities and organisations are
/// shown the same way (a name, a country, roles), whatever the side.
/// </summary>
public sealed record ProjectParty(string Name, int? AuthorityId, string? CountryCode, IReadOnlyList<ParticipantRole> Roles)
{
    public bool IsFrench => CountryCode == Atlas.Core.Countries.CountryCodes.France;
}
