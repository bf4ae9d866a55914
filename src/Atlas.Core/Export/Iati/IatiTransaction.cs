namespace Atlas.Core.Export.Iati;

internal sealed record IatiTransaction(DateOnly Date, decimal Amount, string Currency, IatiOrg? Provider, string? Description);
