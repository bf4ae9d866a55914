namespace Atlas.Core.AccountRequests;

/// <summary>An authority a requester may have meant: its id, name and country's name.</summary>
public sealed record AuthorityChoice(int Id, string Name, string CountryName);
