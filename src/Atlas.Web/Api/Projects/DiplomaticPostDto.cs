namespace Atlas.Web.Api.Projects;

/// <summary>A French embassy following the project's partner country.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Name of the post.</param>
/// <param name="Countries">ISO codes of the countries it covers.</param>
/// <param name="Contacts">Its decentralised-cooperation correspondent and cultural cooperation counsellor.</param>
public sealed record DiplomaticPostDto(int Id, string Name, IReadOnlyList<string> Countries, IReadOnlyList<ContactDto> Contacts);
