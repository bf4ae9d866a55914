namespace Atlas.Core.Export;

/// <summary>
/// The licence of the published data: Etalab's Licence Ouverte 2.0, the licence French public bodies publish open data
/// under (compatible with CC BY 4.0 and ODC-BY); "etalab-2.0" is its SPDX identifier. The data package, the OpenAPI
/// document and the /donnees and /api pages name it from here.
/// </summary>
public static class DataLicence
{
    public const string Identifier = "etalab-2.0";
    public const string Title = "Licence Ouverte / Open Licence version 2.0";
    public const string Url = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";
}
