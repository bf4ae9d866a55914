namespace Atlas.Core.AccountRequests;

/// <summary>
/// What a visitor sends from /compte/demande: who they are, their position, their work address, and the authority, by the name
/// they type or, once they chose among homonyms or suggestions, by its id.
/// </summary>
public sealed record AccountRequestForm(string? DisplayName, string? Email, string? Position, string? AuthorityName, int? AuthorityId);
