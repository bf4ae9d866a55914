namespace Atlas.Web.Api;

/// <summary>A person to contact. E-mail addresses are personal data and are shown only on the public pages, protected from harvesting.</summary>
/// <param name="Name">First and last name.</param>
/// <param name="Function">Function or title.</param>
/// <param name="Role">correspondent, cocac or other.</param>
/// <param name="Organisation">The authority or organisation the person belongs to.</param>
public sealed record ContactDto(string Name, string? Function, string Role, string? Organisation);
