namespace Atlas.Core.AccountRequests;

/// <summary>A request as a decider reads it.</summary>
public sealed record AccountRequestView(long Id, DateTimeOffset SubmittedAt, string DisplayName, string Email, string Position,
    int AuthorityId, string AuthorityName, string CountryName, AccountRequestStatus Status, string? DeciderName, DateTimeOffset? DecidedAt,
    string? RefusalReason);
