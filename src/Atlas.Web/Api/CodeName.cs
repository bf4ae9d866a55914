namespace Atlas.Web.Api;

/// <summary>A code with its French label.</summary>
/// <param name="Code">The code (ISO 3166-1 alpha-2 for a country).</param>
/// <param name="Name">Its French name.</param>
public sealed record CodeName(string Code, string Name);
