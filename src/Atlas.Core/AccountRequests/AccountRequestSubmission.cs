namespace Atlas.Core.AccountRequests;

/// <summary>What became of a request sent from /compte/demande.</summary>
public abstract record AccountRequestSubmission
{
    private AccountRequestSubmission() { }

    /// <summary>Kept for a decision (or, for the same person and authority already waiting, the earlier one kept).</summary>
    public sealed record Sent : AccountRequestSubmission;

    /// <summary>
    /// Refused: the French message of each field (named as the form names them), and the authorities the requester may have
    /// meant when the name was not one authority's (homonyms, or the closest names when none has it).
    /// </summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors, IReadOnlyList<AuthorityChoice> Choices) : AccountRequestSubmission;
}
