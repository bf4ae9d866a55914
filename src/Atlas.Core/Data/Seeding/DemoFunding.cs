namespace Atlas.Core.Data.Seeding;

/// <summary>A demo project's funding line: its funder (an authority or an organisation, by key), amount and year.</summary>
internal sealed record DemoFunding(
    string? FunderAuthority, string? FunderOrganisation, decimal Amount, string Currency, decimal? WaterLawAmount, int? Year, string? Note);
