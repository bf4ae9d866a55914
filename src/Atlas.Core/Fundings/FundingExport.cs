namespace Atlas.Core.Fundings;

/// <summary>Streams the funding lines the list's filter matches, in id order, with the same columns as project-fundings.</summary>
public sealed class FundingExport(AtlasDbContext db)
{
    public const string Filters = "/api/v1/fundings";

    public static readonly ExportTable<FundingExportRow> Table = new(
        new ExportTableInfo("fundings", "Funding lines", "Financements",
            "One row per funding line, filtered like the list of funding lines: who pays how much for which project, in which currency, which year. " +
            "Amounts are never converted.",
            "Une ligne par ligne de financement, filtrées comme la liste des financements : qui finance quel projet, combien, dans quelle devise, " +
            "quelle année. Les montants ne sont jamais convertis.",
            Filters, PrimaryKey: ["funding_id"], ForeignKeys: ProjectExportTables.ToProjects),
        ProjectExportTables.FundingColumns);

    public IAsyncEnumerable<FundingExportRow> FundingsAsync(FundingFilter filter, CancellationToken ct = default) =>
        RowsAsync(FundingList.Filtered(db, filter).OrderBy(f => f.Id), ct);

    /// <summary>The rows of funding lines, in the order given.</summary>
    internal static async IAsyncEnumerable<FundingExportRow> RowsAsync(IQueryable<Funding> fundings, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = fundings.Select(f => new
        {
            f.ProjectId, f.Id, f.FunderAuthorityId, f.FunderOrganisationId,
            FunderName = f.FunderAuthority != null ? f.FunderAuthority.Name : f.FunderOrganisation!.Name,
            f.Amount, f.CurrencyCode, f.WaterLawAmount, f.Year, f.Note,
        }).AsAsyncEnumerable();

        await foreach (var f in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            yield return new FundingExportRow
            {
                ProjectId = f.ProjectId,
                FundingId = f.Id,
                FunderType = f.FunderAuthorityId is null ? ProjectExport.Organisation : ProjectExport.Authority,
                FunderId = f.FunderAuthorityId ?? f.FunderOrganisationId!.Value,
                FunderName = f.FunderName,
                Amount = f.Amount,
                Currency = f.CurrencyCode,
                WaterLawAmount = f.WaterLawAmount,
                Year = f.Year,
                Note = f.Note,
            };
        }
    }
}
