namespace Atlas.Web.Api.DiplomaticPosts;

/// <summary>A French embassy (poste diplomatique), the countries it follows and its contacts.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Name of the post (Ambassade de France à Rabat).</param>
/// <param name="City">City where it sits.</param>
/// <param name="Countries">The countries it follows.</param>
/// <param name="Contacts">Its decentralised-cooperation correspondent, cultural cooperation counsellor (cocac) and others: names, functions and roles only, no e-mail addresses in the API.</param>
/// <param name="ApiUrl">This post in this API; its public page is /postes/{id}.</param>
public sealed record DiplomaticPostItemDto(
    int Id, string Name, string? City, IReadOnlyList<CountryLinkDto> Countries, IReadOnlyList<ContactDto> Contacts, string ApiUrl);
