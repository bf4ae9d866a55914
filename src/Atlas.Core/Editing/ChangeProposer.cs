namespace Atlas.Core.Editing;

/// <summary>The person who proposed a change that a reviewer publishes: the history names them as its author (their account may be gone).</summary>
public sealed record ChangeProposer(int? UserId, string Name);
