namespace Atlas.Web.Pages.Projets;

/// <summary>One row of the funding table as the form sends it: the funder as "a:12" (authority) or "o:5" (organisation), or a name to find.</summary>
public sealed class FundingLineRow
{
    public int? Id { get; set; }
    public string? Funder { get; set; }
    public string? FunderSearch { get; set; }
    public decimal? Amount { get; set; }
    public string? CurrencyCode { get; set; } = "EUR";
    public decimal? WaterLawAmount { get; set; }
    public int? Year { get; set; }
    public string? Note { get; set; }
    public bool Remove { get; set; }

    /// <summary>A new row left empty (its currency aside): no line.</summary>
    public bool IsBlank => Id is null && string.IsNullOrEmpty(Funder) && string.IsNullOrWhiteSpace(FunderSearch)
        && Amount is null && WaterLawAmount is null && Year is null && string.IsNullOrWhiteSpace(Note);

    public static FundingLineRow Of(Funding funding)
    {
        var row = Of(FundingValues.Of(funding));
        row.Id = funding.Id;
        return row;
    }

    /// <summary>A line of a declared project's draft, which holds values only (no line is saved yet).</summary>
    public static FundingLineRow Of(FundingValues line) => new()
    {
        Funder = PartyKey.Of(line.FunderAuthorityId, line.FunderOrganisationId),
        Amount = line.Amount,
        CurrencyCode = line.CurrencyCode,
        WaterLawAmount = line.WaterLawAmount,
        Year = line.Year,
        Note = line.Note,
    };

    public FundingValues ToValues(string? funder) => new()
    {
        Id = Id,
        FunderAuthorityId = PartyKey.AuthorityId(funder),
        FunderOrganisationId = PartyKey.OrganisationId(funder),
        Amount = Amount,
        CurrencyCode = string.IsNullOrWhiteSpace(CurrencyCode) ? null : CurrencyCode.Trim().ToUpperInvariant(),
        WaterLawAmount = WaterLawAmount,
        Year = Year,
        Note = Note,
    };
}
