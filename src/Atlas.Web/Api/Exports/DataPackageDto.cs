namespace Atlas.Web.Api.Exports;

/// <summary>A Frictionless Data Package (tabular-data-package) describing the bulk exports of the atlas.</summary>
/// <param name="Profile">Always tabular-data-package.</param>
/// <param name="Name">Machine name of the package.</param>
/// <param name="Title">Title of the package.</param>
/// <param name="Description">What the package holds.</param>
/// <param name="Licenses">The licence of the data: Licence Ouverte 2.0 (etalab-2.0).</param>
/// <param name="Resources">One resource per export table.</param>
public sealed record DataPackageDto(
    string Profile, string Name, string Title, string Description, IReadOnlyList<LicenceDto> Licenses, IReadOnlyList<DataResourceDto> Resources)
{
    internal static DataPackageDto Describe(IEnumerable<ExportTable> tables) => new(
        "tabular-data-package", "atlas-cooperation-decentralisee", "Atlas de la coopération décentralisée",
        "Partnerships between French local authorities and local authorities abroad, their projects, participants, fundings and themes; " +
        "the authorities, organisations, countries and French embassies they involve, and the theme tree. " +
        "Each resource is the export of its list without filters; add the filters of that list to its URL to download part of it. No key is needed. " +
        "The data are published under the Licence Ouverte 2.0 (etalab-2.0): reuse them freely, naming the source and the date of the data.",
        [new LicenceDto(DataLicence.Identifier, DataLicence.Url, DataLicence.Title)],
        tables.Select(DataResourceDto.Describe).ToList());
}
