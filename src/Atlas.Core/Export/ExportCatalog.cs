namespace Atlas.Core.Export;

/// <summary>Every export table, in the order the data dictionary and the datapackage.json list them.</summary>
public static class ExportCatalog
{
    public static IReadOnlyList<ExportTable> Tables { get; } =
    [
        ProjectExportTables.Projects,
        ProjectExportTables.Participants,
        ProjectExportTables.Fundings,
        ProjectExportTables.Themes,
        PartnershipExport.Partnerships,
        PartnershipExport.Authorities,
        PartnershipExport.Themes,
        AuthorityExport.Table,
        OrganisationExport.Table,
        FundingExport.Table,
        CountryExport.Table,
        DiplomaticPostExport.Posts,
        DiplomaticPostExport.Countries,
        ThemeExport.Table,
    ];
}
