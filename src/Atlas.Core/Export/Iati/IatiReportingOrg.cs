namespace Atlas.Core.Export.Iati;

/// <summary>
/// The organisation that publishes the activities: every iati-identifier starts with its <paramref name="Ref"/>.
/// </summary>
/// <param name="Ref">
/// Its IATI organisation identifier. "XM-ATLAS" is a placeholder that no registration agency issued: the operator
/// replaces it with its registered identifier (an agency prefix from OrganisationRegistrationAgency.xml followed by its
/// number there, e.g. FR-RCS-… or an XI-IATI-… one assigned by the IATI Secretariat) before publishing to the IATI
/// Registry, since a changed prefix changes every activity's identifier.
/// </param>
/// <param name="Type">
/// Its OrganisationType.xml code: 10 Government, because the atlas is the French Foreign Ministry's (a central
/// government publisher, not a local authority nor an agency).
/// </param>
/// <param name="Name">Its name, in French.</param>
public sealed record IatiReportingOrg(string Ref, string Type, string Name)
{
    public static readonly IatiReportingOrg Default = new("XM-ATLAS", "10", "Atlas de la coopération décentralisée");

    /// <summary>The stable identifier of a project's activity: never changes when the project is renamed.</summary>
    public string ActivityIdentifier(int projectId) => $"{Ref}-{projectId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
