namespace Atlas.Core.Fundings;

/// <summary>Funding lines of every project, a keyset page at a time.</summary>
public sealed class FundingList(AtlasDbContext db)
{
    public static readonly IReadOnlyDictionary<string, SortField<FundingRow>> Sorts = new Dictionary<string, SortField<FundingRow>>
    {
        ["id"] = SortField.By<FundingRow, int>("id", r => r.Id, r => r.Id),
        // The raw number whatever its currency: amounts are never converted.
        ["amount"] = SortField.By<FundingRow, decimal>("amount", r => r.Amount, r => r.Id),
        ["year"] = SortField.By<FundingRow, int>("year", r => r.Year ?? 0, r => r.Id),
    };

    public Task<KeysetPage<FundingRow>> ListAsync(FundingFilter filter, ListRequest request, CancellationToken ct = default) =>
        Rows(Filtered(db, filter)).PageAsync(Sorts, request, ct);

    /// <summary>The funding lines a (validated) filter matches, unordered.</summary>
    public static IQueryable<Funding> Filtered(AtlasDbContext db, FundingFilter filter)
    {
        var fundings = db.Fundings.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Funder))
        {
            var name = filter.Funder;
            fundings = fundings.Where(f =>
                AtlasDbFunctions.Unaccent(f.FunderAuthority != null ? f.FunderAuthority.Name : f.FunderOrganisation!.Name).ToLower()
                    .Contains(AtlasDbFunctions.Unaccent(name).ToLower()));
        }
        if (filter.FunderAuthority is { } authority) fundings = fundings.Where(f => f.FunderAuthorityId == authority);
        if (filter.FunderOrganisation is { } organisation) fundings = fundings.Where(f => f.FunderOrganisationId == organisation);
        if (filter.Country is { } country) fundings = fundings.Where(ArrayColumns.Holds<Funding, string>(f => f.Project!.CountryCodes, country));
        if (filter.Year is { } year) fundings = fundings.Where(f => f.Year == year);
        if (filter.Currency is { } currency) fundings = fundings.Where(f => f.CurrencyCode == currency);
        if (filter.Project is { } project) fundings = fundings.Where(f => f.ProjectId == project);
        return fundings;
    }

    private static IQueryable<FundingRow> Rows(IQueryable<Funding> fundings) => fundings.Select(f => new FundingRow
    {
        Id = f.Id,
        ProjectId = f.ProjectId,
        ProjectTitle = f.Project!.Title,
        FunderAuthorityId = f.FunderAuthorityId,
        FunderOrganisationId = f.FunderOrganisationId,
        FunderName = f.FunderAuthority != null ? f.FunderAuthority.Name : f.FunderOrganisation!.Name,
        FunderCountry = f.FunderAuthority != null ? f.FunderAuthority.CountryCode : f.FunderOrganisation!.CountryCode,
        Amount = f.Amount,
        CurrencyCode = f.CurrencyCode,
        WaterLawAmount = f.WaterLawAmount,
        Year = f.Year,
        Note = f.Note,
    });
}
