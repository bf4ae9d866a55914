namespace Atlas.Core.Accounts;

/// <summary>One account as the administrators' list shows it.</summary>
public sealed record AccountRow(int Id, string Name, string? Email, EditorRole Role, string? Scope, bool IsDisabled, bool TwoFactor, bool IsLockedOut);
