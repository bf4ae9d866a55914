namespace Atlas.Core.Fundings;

/// <summary>A funding line as submitted: one funder (an authority or an organisation), an amount in a currency, its part under the 1 % water law, a year.</summary>
public sealed class FundingValues
{
    /// <summary>The line changed; null for a new line.</summary>
    public int? Id { get; set; }
    public int? FunderAuthorityId { get; set; }
    public int? FunderOrganisationId { get; set; }
    public decimal? Amount { get; set; }
    public string? CurrencyCode { get; set; }
    public decimal? WaterLawAmount { get; set; }
    public int? Year { get; set; }
    public string? Note { get; set; }

    public static FundingValues Of(Funding funding) => new()
    {
        Id = funding.Id,
        FunderAuthorityId = funding.FunderAuthorityId,
        FunderOrganisationId = funding.FunderOrganisationId,
        Amount = funding.Amount,
        CurrencyCode = funding.CurrencyCode,
        WaterLawAmount = funding.WaterLawAmount,
        Year = funding.Year,
        Note = funding.Note,
    };
}
