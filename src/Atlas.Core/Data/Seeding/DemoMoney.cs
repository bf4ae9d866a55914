namespace Atlas.Core.Data.Seeding;

/// <summary>An amount of the demo data files, in its currency.</summary>
internal sealed record DemoMoney(decimal Amount, string Currency);
