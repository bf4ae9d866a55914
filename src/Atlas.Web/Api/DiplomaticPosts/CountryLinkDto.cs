namespace Atlas.Web.Api.DiplomaticPosts;

/// <summary>A country as referenced from another record.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 code.</param>
/// <param name="Name">French name.</param>
/// <param name="Url">Its public page.</param>
/// <param name="ApiUrl">Its record in this API.</param>
public sealed record CountryLinkDto(string Code, string Name, string Url, string ApiUrl);
