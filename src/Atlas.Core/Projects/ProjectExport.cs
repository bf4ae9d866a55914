namespace Atlas.Core.Projects;

/// <summary>
/// Streams the rows of the project export tables for the projects a filter matches: one query per table, read as it
/// arrives (names and theme keys are joined in SQL, countries named from the reference catalog), so that memory stays
/// flat however many rows. Rows come in project id order.
/// </summary>
public sealed class ProjectExport(AtlasDbContext db)
{
    internal const string Authority = "authority";
    internal const string Organisation = "organisation";

    /// <summary>The projects a (validated) filter matches: the same as the page's and the API's.</summary>
    public IQueryable<Project> Matching(ProjectFilter filter, ReferenceCatalog.Snapshot reference) => ProjectSearch.Filtered(db, filter, reference);

    public async IAsyncEnumerable<ProjectExportRow> ProjectsAsync(
        IQueryable<Project> projects, ReferenceCatalog.Snapshot reference, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = projects.AsNoTracking().OrderBy(p => p.Id).Select(p => new
        {
            p.Id, p.Title, p.Status, p.FirstSignatureYear, p.StartYear, p.StartDate, p.EndYear, p.EndDate, p.PartnershipId,
            PartnershipTitle = p.Partnership != null ? p.Partnership.Title : null,
            p.CountryCodes,
            // A scalar, not an object: EF reads an object's FirstOrDefault through a window over every project's themes
            // (2.5 s of a filtered export at scale 100); the theme's key and name come from the reference catalog.
            MainThemeId = p.Themes.Where(t => t.IsMain).Select(t => (int?)t.ThemeId).FirstOrDefault(),
            OtherThemeKeys = p.Themes.Where(t => !t.IsMain).OrderBy(t => t.Priority ?? int.MaxValue).ThenBy(t => t.Theme!.Key)
                .Select(t => t.Theme!.Key).ToList(),
            p.Form, p.Context, p.History, p.Objectives, p.Description, p.Beneficiaries, p.TotalCostAmount, p.TotalCostCurrency,
            p.IsTriennial, p.CommunicationInFrance, p.CommunicationInPartnerCountry, p.EvaluationPolicy, p.Source, p.UpdatedAt,
        }).AsAsyncEnumerable();

        await foreach (var p in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            yield return new ProjectExportRow
            {
                Id = p.Id,
                Title = p.Title,
                Status = EnumCode<ProjectStatus>.ToCode(p.Status),
                FirstSignatureYear = p.FirstSignatureYear,
                StartYear = p.StartYear,
                StartDate = p.StartDate,
                EndYear = p.EndYear,
                EndDate = p.EndDate,
                PartnershipId = p.PartnershipId,
                PartnershipTitle = p.PartnershipTitle,
                CountryCodes = p.CountryCodes,
                CountryNames = p.CountryCodes.Select(reference.CountryName).ToList(),
                MainThemeKey = p.MainThemeId is { } main ? reference.ThemesById.GetValueOrDefault(main)?.Key : null,
                MainThemeName = p.MainThemeId is { } theme ? reference.ThemesById.GetValueOrDefault(theme)?.Name : null,
                OtherThemeKeys = p.OtherThemeKeys,
                Form = p.Form,
                Context = p.Context,
                History = p.History,
                Objectives = p.Objectives,
                Description = p.Description,
                Beneficiaries = p.Beneficiaries,
                TotalCostAmount = p.TotalCostAmount,
                TotalCostCurrency = p.TotalCostCurrency,
                IsTriennial = p.IsTriennial,
                CommunicationInFrance = p.CommunicationInFrance,
                CommunicationInPartnerCountry = p.CommunicationInPartnerCountry,
                EvaluationPolicy = p.EvaluationPolicy,
                Source = p.Source,
                UpdatedAt = p.UpdatedAt,
            };
        }
    }

    public async IAsyncEnumerable<ProjectParticipantExportRow> ParticipantsAsync(
        IQueryable<Project> projects, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = projects.AsNoTracking().SelectMany(p => p.Participants)
            .OrderBy(pp => pp.ProjectId).ThenBy(pp => pp.SortOrder).ThenBy(pp => pp.Id)
            .Select(pp => new
            {
                pp.ProjectId, pp.Role, pp.LocalAuthorityId, pp.OrganisationId,
                AuthorityKind = pp.LocalAuthority != null ? (AuthorityKind?)pp.LocalAuthority.Kind : null,
                OrganisationKind = pp.Organisation != null ? (OrganisationKind?)pp.Organisation.Kind : null,
                Name = pp.LocalAuthority != null ? pp.LocalAuthority.Name : pp.Organisation!.Name,
                CountryCode = pp.LocalAuthority != null ? pp.LocalAuthority.CountryCode : pp.Organisation!.CountryCode,
            }).AsAsyncEnumerable();

        await foreach (var pp in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            yield return new ProjectParticipantExportRow
            {
                ProjectId = pp.ProjectId,
                Role = EnumCode<ParticipantRole>.ToCode(pp.Role),
                PartyType = pp.LocalAuthorityId is null ? Organisation : Authority,
                PartyId = pp.LocalAuthorityId ?? pp.OrganisationId!.Value,
                PartyKind = pp.AuthorityKind is { } a ? EnumCode<AuthorityKind>.ToCode(a) : EnumCode<OrganisationKind>.ToCode(pp.OrganisationKind!.Value),
                Name = pp.Name,
                CountryCode = pp.CountryCode,
            };
        }
    }

    public IAsyncEnumerable<FundingExportRow> FundingsAsync(IQueryable<Project> projects, CancellationToken ct = default) =>
        FundingExport.RowsAsync(
            projects.AsNoTracking().SelectMany(p => p.Fundings).OrderBy(f => f.ProjectId).ThenBy(f => f.SortOrder).ThenBy(f => f.Id), ct);

    public IAsyncEnumerable<ProjectThemeExportRow> ThemesAsync(IQueryable<Project> projects) =>
        projects.AsNoTracking().SelectMany(p => p.Themes)
            .OrderBy(t => t.ProjectId).ThenByDescending(t => t.IsMain).ThenBy(t => t.Priority ?? int.MaxValue).ThenBy(t => t.Theme!.Key)
            .Select(t => new ProjectThemeExportRow
            {
                ProjectId = t.ProjectId,
                ThemeKey = t.Theme!.Key,
                ThemeName = t.Theme.Name,
                ThemeLevel = t.Theme.Level,
                IsMain = t.IsMain,
                Priority = t.Priority,
                SourceLabel = t.SourceLabel,
            }).AsAsyncEnumerable();
}
