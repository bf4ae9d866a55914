namespace Atlas.Core.Accounts;

/// <summary>An embassy or an authority an account can be given: its id and its name as a choice reads.</summary>
public sealed record ScopeOption(int Id, string Label);
