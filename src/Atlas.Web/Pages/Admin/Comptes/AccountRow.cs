using Atlas.Core.Accounts;

namespace Atlas.Web.Pages.Admin.Comptes;

/// <summary>One account as the administrators' list shows it.</summary>
public sealed record AccountRow(int Id, string Name, string? Email, EditorRole Role, string? Scope, bool IsDisabled, bool TwoFactor, bool IsLockedOut);
