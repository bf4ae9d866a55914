namespace Atlas.Core.AccountRequests;

/// <summary>What became of a decision on a request.</summary>
public abstract record AccountRequestDecision
{
    private AccountRequestDecision() { }

    /// <summary>Accepted: the account created (its set-password link is for the caller to send).</summary>
    public sealed record Accepted(AtlasUser Account, string AuthorityName) : AccountRequestDecision;

    public sealed record Refused : AccountRequestDecision;

    /// <summary>Nothing decided: the French message, for the form (<paramref name="Field"/> empty: the whole form).</summary>
    public sealed record Invalid(string Field, string Message) : AccountRequestDecision;

    /// <summary>No such request still waiting (decided meanwhile, or none with that id).</summary>
    public sealed record NotFound : AccountRequestDecision;

    /// <summary>The request is outside the decider's scope: nothing decided, nothing told about it.</summary>
    public sealed record Forbidden : AccountRequestDecision;
}
