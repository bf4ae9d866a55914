namespace Atlas.Core.Export.Iati;

/// <summary>What a project says in IATI terms; the XSD's required elements (a participating organisation, a date) always get a value.</summary>
internal sealed record IatiActivity(
    Project Project, IReadOnlyList<IatiOrg> Organisations, IReadOnlyList<IatiDate> Dates, IReadOnlyList<IatiShare> Countries,
    IReadOnlyList<IatiShare> Sectors, IatiBudget? Budget, IReadOnlyList<IatiTransaction> Transactions)
{
    /// <param name="project">A project with its participants, fundings, themes and partnership (its authorities and themes) loaded.</param>
    /// <param name="reference">Reference data (the theme tree).</param>
    /// <param name="today">No date later than this is called actual.</param>
    public static IatiActivity Of(Project project, ReferenceCatalog.Snapshot reference, DateOnly today) => new(
        project, OrganisationsOf(project), DatesOf(project, today),
        Shares(project.CountryCodes.Order(StringComparer.Ordinal).ToList()),
        Shares(SectorCodes(project, reference)),
        BudgetOf(project),
        project.Fundings.Where(f => f.Year is not null).OrderBy(f => f.SortOrder).ThenBy(f => f.Id)
            .Select(f => new IatiTransaction(
                new DateOnly(f.Year!.Value, 1, 1), f.Amount, f.CurrencyCode, PartyOf(f.FunderAuthority, f.FunderOrganisation)?.As(IatiCodes.FundingRole),
                FundingDescription(f)))
            .ToList());

    /// <summary>Start and end as the project gives them (a year alone: 1 January, 31 December); null when it gives neither.</summary>
    public static (DateOnly? Start, DateOnly? End) OwnDates(Project project) => (
        project.StartDate ?? (project.StartYear is { } start ? new DateOnly(start, 1, 1) : null),
        project.EndDate ?? (project.EndYear is { } end ? new DateOnly(end, 12, 31) : null));

    private sealed record Party(string Key, string Type, string Name)
    {
        public IatiOrg As(string role) => new(role, Type, Name);
    }

    private static Party? PartyOf(LocalAuthority? authority, Organisation? organisation) =>
        authority is not null ? new Party($"authority:{authority.Id}", IatiCodes.LocalGovernment, authority.Name)
        : organisation is not null ? new Party($"organisation:{organisation.Id}", IatiCodes.OrganisationType(organisation), organisation.Name)
        : null;

    private static List<IatiOrg> OrganisationsOf(Project project)
    {
        var orgs = new List<(string Role, Party Party)>();
        foreach (var funding in project.Fundings.OrderBy(f => f.SortOrder).ThenBy(f => f.Id))
        {
            if (PartyOf(funding.FunderAuthority, funding.FunderOrganisation) is { } funder) orgs.Add((IatiCodes.FundingRole, funder));
        }

        var participants = project.Participants.OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToList();
        foreach (var participant in participants)
        {
            if (IatiCodes.Role(participant.Role) is { } role && PartyOf(participant.LocalAuthority, participant.Organisation) is { } party)
                orgs.Add((role, party));
        }

        // Without a named maître d'ouvrage, the authorities that signed the partnership answer for the action.
        if (participants.All(p => p.Role != ParticipantRole.Owner))
        {
            var sides = participants.Where(p => p.Role is ParticipantRole.FrenchPartner or ParticipantRole.ForeignPartner)
                .Select(p => PartyOf(p.LocalAuthority, p.Organisation)).OfType<Party>().ToList();
            if (sides.Count == 0 && project.Partnership is { } partnership)
            {
                sides = partnership.Authorities.Select(a => a.LocalAuthority).OfType<LocalAuthority>()
                    .OrderBy(a => a.IsFrench ? 0 : 1).ThenBy(a => a.Id).Select(a => PartyOf(a, null)).OfType<Party>().ToList();
            }
            orgs.AddRange(sides.Select(side => (IatiCodes.AccountableRole, side)));
        }

        // OrganisationRole order (funding, accountable, extending, implementing); OrderBy keeps the records' order within a role.
        return orgs.DistinctBy(o => (o.Role, o.Party.Key)).OrderBy(o => o.Role, StringComparer.Ordinal)
            .Select(o => o.Party.As(o.Role)).ToList();
    }

    private static List<IatiDate> DatesOf(Project project, DateOnly today)
    {
        var started = project.Status != ProjectStatus.Planned;
        var ended = project.Status == ProjectStatus.Completed;
        var (start, end) = OwnDates(project);
        var dates = new List<IatiDate>();
        if (start is { } s) dates.Add(new IatiDate(started && s <= today ? IatiCodes.ActualStart : IatiCodes.PlannedStart, s, null));
        if (end is { } e) dates.Add(new IatiDate(ended && e <= today ? IatiCodes.ActualEnd : IatiCodes.PlannedEnd, e, null));
        if (dates.Count > 0) return dates;

        // IATI requires a date: the nearest the record gives, said to be what it is.
        var startType = started ? IatiCodes.ActualStart : IatiCodes.PlannedStart;
        if (project.FirstSignatureYear is { } signature)
            return [new IatiDate(startType, new DateOnly(signature, 1, 1), "Année de première signature de la convention ; date de début non renseignée.")];
        if (project.Fundings.Min(f => f.Year) is { } fundingYear)
            return [new IatiDate(startType, new DateOnly(fundingYear, 1, 1), "Année du premier financement connu ; date de début non renseignée.")];
        if (project.Partnership is { } p && (p.SignedOn ?? (p.SignedYear is { } y ? new DateOnly(y, 1, 1) : null)) is { } signedOn)
            return [new IatiDate(startType, signedOn, "Signature de la convention de partenariat ; date de début du projet non renseignée.")];

        var updated = DateOnly.FromDateTime(project.UpdatedAt.UtcDateTime);
        return [project.Status switch
        {
            ProjectStatus.Completed => new IatiDate(IatiCodes.ActualEnd, updated, "Dates non renseignées : action achevée au plus tard à cette date de mise à jour de la fiche."),
            ProjectStatus.Ongoing => new IatiDate(IatiCodes.ActualStart, updated, "Dates non renseignées : action commencée au plus tard à cette date de mise à jour de la fiche."),
            _ => new IatiDate(IatiCodes.PlannedStart, updated, "Dates non renseignées : action prévue à cette date de mise à jour de la fiche."),
        }];
    }

    /// <summary>The CRS codes of the project's own themes (main first), else of its partnership's, else "not specified".</summary>
    private static List<string> SectorCodes(Project project, ReferenceCatalog.Snapshot reference)
    {
        var themeIds = project.Themes.OrderByDescending(t => t.IsMain).ThenBy(t => t.Priority ?? int.MaxValue).ThenBy(t => t.ThemeId)
            .Select(t => t.ThemeId).ToList();
        if (themeIds.Count == 0 && project.Partnership is { } partnership) themeIds = partnership.Themes.Select(t => t.ThemeId).Order().ToList();
        var codes = themeIds.Select(id => ThemeCrsMapping.CodeOf(id, reference)).Distinct().ToList();
        return codes.Count > 0 ? codes : [ThemeCrsMapping.NotSpecified];
    }

    /// <summary>Equal shares summing to exactly 100 with two decimals, the first taking the rounding remainder: the atlas does not weigh countries or themes.</summary>
    internal static List<IatiShare> Shares(IReadOnlyList<string> codes)
    {
        if (codes.Count == 0) return [];
        var share = Math.Floor(10000m / codes.Count) / 100m;
        return codes.Select((code, i) => new IatiShare(code, i == 0 ? 100m - share * (codes.Count - 1) : share)).ToList();
    }

    /// <summary>A total cost is an original budget when the project's own dates bound it (IATI requires a period); in its own currency.</summary>
    private static IatiBudget? BudgetOf(Project project)
    {
        var (start, end) = OwnDates(project);
        if (project is not { TotalCostAmount: { } amount, TotalCostCurrency: { } currency } || start is not { } s || end is not { } e || e < s) return null;
        return new IatiBudget(s, e, amount, currency);
    }

    private static string? FundingDescription(Funding funding)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(funding.Note)) parts.Add(funding.Note.Trim().TrimEnd('.') + ".");
        if (funding.WaterLawAmount is { } water && water > 0)
            parts.Add($"Dont {IatiXml.Amount(water)} {funding.CurrencyCode} au titre du 1 % eau (loi Oudin-Santini).");
        return parts.Count > 0 ? string.Join(" ", parts) : null;
    }
}
