namespace Atlas.Web.Pages.Collectivites;

/// <summary>
/// A partnership as an authority's page lists it: the authority itself is the page, so the card names only the others —
/// the partners on the other side with their country, and any authority alongside it on its own side.
/// </summary>
public sealed record PartnershipCard(
    PartnershipSummary Partnership, IReadOnlyList<LocalAuthority> Partners, IReadOnlyList<LocalAuthority> Alongside,
    IReadOnlyList<string> PartnerCountries);
