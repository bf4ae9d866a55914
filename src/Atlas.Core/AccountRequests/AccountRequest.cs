namespace Atlas.Core.AccountRequests;

/// <summary>
/// Someone asking for an editor account for an authority (/compte/demande): who, in which position, their work address. A
/// correspondent of a partner country of that authority, or an administrator, accepts it (the account is created with that
/// authority's scope) or refuses it with a reason.
/// </summary>
public sealed class AccountRequest
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 256;
    public const int MaxPositionLength = 200;
    public const int MaxReasonLength = 1000;

    public long Id { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public required string DisplayName { get; set; }
    public required string Email { get; set; }
    /// <summary>Their position at the authority, as they write it (« chargée de mission relations internationales »).</summary>
    public required string Position { get; set; }
    public int LocalAuthorityId { get; set; }
    public AccountRequestStatus Status { get; set; }
    public int? DeciderId { get; set; }
    /// <summary>The decider's name at the time, kept even if the account goes.</summary>
    public string? DeciderName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>Why it was refused, as the requester is told.</summary>
    public string? RefusalReason { get; set; }
    /// <summary>The account created on acceptance.</summary>
    public int? AccountId { get; set; }
}
