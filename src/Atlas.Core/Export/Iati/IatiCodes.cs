namespace Atlas.Core.Export.Iati;

/// <summary>How our records read in IATI 2.03 code lists (names as in the code list files).</summary>
internal static class IatiCodes
{
    // OrganisationRole.xml
    public const string FundingRole = "1";
    public const string AccountableRole = "2";
    public const string ExtendingRole = "3";
    public const string ImplementingRole = "4";

    // ActivityDateType.xml
    public const string PlannedStart = "1";
    public const string ActualStart = "2";
    public const string PlannedEnd = "3";
    public const string ActualEnd = "4";

    // DescriptionType: 1 General, 2 Objectives.
    public const string GeneralDescription = "1";
    public const string ObjectivesDescription = "2";

    /// <summary>DocumentCategory A12 Activity web page: the project's page on the portal.</summary>
    public const string ActivityWebPage = "A12";

    /// <summary>Sector vocabulary 1: OECD DAC CRS purpose codes, 5 digits.</summary>
    public const string CrsVocabulary = "1";

    /// <summary>BudgetType.xml 1 Original: a project's total cost is the amount planned when it was recorded, never a revision.</summary>
    public const string OriginalBudget = "1";

    /// <summary>
    /// TransactionType.xml 11 Incoming Commitment: a funding line is what a funder undertook to put into the project for a
    /// year, as the project's record declares it (the activity's point of view, so incoming). It is not proof that the
    /// money arrived (1 Incoming Funds would claim that), and 2 Outgoing Commitment is the funder's own report of its
    /// promise, which only the funder's activity may publish.
    /// </summary>
    public const string IncomingCommitment = "11";

    /// <summary>OrganisationType.xml 11 Local Government: every local authority, French or foreign.</summary>
    public const string LocalGovernment = "11";

    /// <summary>What a participant's role says in OrganisationRole.xml; null for roles IATI has no word for (partners, beneficiaries).</summary>
    public static string? Role(ParticipantRole role) => role switch
    {
        ParticipantRole.Owner => AccountableRole,          // maître d'ouvrage: answers for the action and its results
        ParticipantRole.OwnerAssistant => ExtendingRole,   // assistant à maîtrise d'ouvrage: steers the work on the owner's behalf
        ParticipantRole.Implementer => ImplementingRole,   // maître d'œuvre: carries the work out
        _ => null,
    };

    /// <summary>ActivityStatus.xml.</summary>
    public static string Status(ProjectStatus status) => status switch
    {
        ProjectStatus.Planned => "1",  // Pipeline/identification
        ProjectStatus.Ongoing => "2",  // Implementation
        // 4 Closed rather than 3 Finalisation: "terminé" in the atlas means the action is over, and the atlas keeps no
        // financial sign-off or evaluation stage that would let us say an action is still pending one.
        ProjectStatus.Completed => "4",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>OrganisationType.xml, for an organisation of ours.</summary>
    public static string OrganisationType(Organisation organisation) => (organisation.Kind, organisation.CountryCode) switch
    {
        (OrganisationKind.Ministry, _) => "10",                                // Government: ministries and their services abroad
        (OrganisationKind.Agency or OrganisationKind.Programme, _) => "15",   // Other Public Sector: public offices, agencies, programmes
        (OrganisationKind.University or OrganisationKind.School, _) => "80",  // Academic, Training and Research
        (OrganisationKind.Association or OrganisationKind.Ngo, CountryCodes.France or null) =>
            organisation.Kind == OrganisationKind.Ngo ? "21" : "22",           // International NGO / National NGO (of the provider country)
        (OrganisationKind.Association or OrganisationKind.Ngo, _) => "24",    // Partner Country based NGO
        (OrganisationKind.Company, CountryCodes.France) => "71",          // Private Sector in Provider Country
        (OrganisationKind.Company, null) => "70",                             // Private Sector
        (OrganisationKind.Company, _) => "72",                                // Private Sector in Aid Recipient Country
        _ => "90",                                                            // Other
    };
}
