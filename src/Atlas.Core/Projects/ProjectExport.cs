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

    /// <summary>
    /// The projects.csv rows of the projects the filter matches. A hand-written SELECT around the SQL EF writes for
    /// <see cref="Matching"/> (so the filter stays the list's), read with Npgsql rather than through EF's projection, which
    /// joined each project's other themes as rows, sorted them with the projects and materialised one object per joined row.
    /// </summary>
    public async IAsyncEnumerable<ProjectExportRow> ProjectsAsync(
        ProjectFilter filter, ReferenceCatalog.Snapshot reference, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = Matching(filter, reference).AsNoTracking().CreateDbCommand();
        command.CommandText = ProjectRowsSql(command.CommandText, everyProject: filter.IsEmpty);
        var opened = command.Connection!.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await using var reader = (NpgsqlDataReader)await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var countryCodes = reader.GetFieldValue<string[]>(10);
                var mainThemeId = Nullable<int>(reader, 11);
                var mainTheme = mainThemeId is { } main ? reference.ThemesById.GetValueOrDefault(main) : null;
                yield return new ProjectExportRow
                {
                    Id = reader.GetInt32(0),
                    Title = reader.GetString(1),
                    Status = reader.GetString(2),
                    FirstSignatureYear = Nullable<int>(reader, 3),
                    StartYear = Nullable<int>(reader, 4),
                    StartDate = Nullable<DateOnly>(reader, 5),
                    EndYear = Nullable<int>(reader, 6),
                    EndDate = Nullable<DateOnly>(reader, 7),
                    PartnershipId = Nullable<int>(reader, 8),
                    PartnershipTitle = Text(reader, 9),
                    CountryCodes = countryCodes,
                    CountryNames = Array.ConvertAll(countryCodes, reference.CountryName),
                    MainThemeKey = mainTheme?.Key,
                    MainThemeName = mainTheme?.Name,
                    OtherThemeKeys = reader.IsDBNull(12) ? [] : OtherThemeKeys(reader.GetFieldValue<int[]>(12), reader.GetFieldValue<int?[]>(13), reference),
                    Form = Text(reader, 14),
                    Context = Text(reader, 15),
                    History = Text(reader, 16),
                    Objectives = Text(reader, 17),
                    Description = Text(reader, 18),
                    Beneficiaries = Text(reader, 19),
                    TotalCostAmount = Nullable<decimal>(reader, 20),
                    TotalCostCurrency = Text(reader, 21),
                    IsTriennial = Nullable<bool>(reader, 22),
                    CommunicationInFrance = Nullable<bool>(reader, 23),
                    CommunicationInPartnerCountry = Nullable<bool>(reader, 24),
                    EvaluationPolicy = Nullable<bool>(reader, 25),
                    Source = Text(reader, 26),
                    UpdatedAt = reader.GetFieldValue<DateTimeOffset>(27),
                };
            }
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The columns of <see cref="ProjectsAsync"/> in their reading order, for the projects <paramref name="matching"/> selects
    /// (EF's SQL of the filtered projects; PostgreSQL pulls the subquery up, so its unused columns are never read). The main
    /// theme is at most one row (ix_project_themes_one_main); the other themes come as ids with their priorities, named and
    /// ordered from the reference catalog (<see cref="OtherThemeKeys"/>).
    /// Measured at scale 100 (psql, 1.27 million projects): every project's themes read by a lateral probe each cost 7.5 s,
    /// grouped in project order beside the projects' primary key (a merge join) 3.5 s; for a filter the grouping reads
    /// every project's themes all the same (21,965 projects of Lebanon: 6.8 s grouped, 0.41 s by lateral probes). Joining
    /// the themes' keys and ordering them in SQL cost a sort per project and a hash of the theme table per probe: without
    /// them the whole file's statement fell from 12.7 s to 8.3 s (COPY to /dev/null) and Lebanon's from 357 to 220 ms.
    /// </summary>
    internal static string ProjectRowsSql(string matching, bool everyProject) => $"""
        SELECT p.id, p.title, p.status, p.first_signature_year, p.start_year, p.start_date, p.end_year, p.end_date, p.partnership_id,
               pa.title, p.country_codes, t.main_theme_id, t.other_theme_ids, t.other_priorities,
               p.form, p.context, p.history, p.objectives, p.description, p.beneficiaries, p.total_cost_amount, p.total_cost_currency,
               p.is_triennial, p.communication_in_france, p.communication_in_partner_country, p.evaluation_policy, p.source, p.updated_at
        FROM ({matching}) AS p
        LEFT JOIN partnerships AS pa ON pa.id = p.partnership_id AND pa.deleted_at IS NULL
        {(everyProject ? "LEFT JOIN" : "LEFT JOIN LATERAL")} (
            SELECT {(everyProject ? "pt.project_id, " : "")}min(pt.theme_id) FILTER (WHERE pt.is_main) AS main_theme_id,
                   array_agg(pt.theme_id) FILTER (WHERE NOT pt.is_main) AS other_theme_ids,
                   array_agg(pt.priority) FILTER (WHERE NOT pt.is_main) AS other_priorities
            FROM project_themes AS pt
            {(everyProject ? "GROUP BY pt.project_id) AS t ON t.project_id = p.id" : "WHERE pt.project_id = p.id) AS t ON true")}
        ORDER BY p.id
        """;

    /// <summary>
    /// A project's other themes' keys by priority (none last), then key, as projects.csv has always listed them. A theme the
    /// catalog does not hold yet (added to the tree by another instance less than <see cref="ReferenceCatalog.Lifetime"/>
    /// ago) is left out, as the main theme is, rather than failing the download halfway through.
    /// </summary>
    private static string[] OtherThemeKeys(int[] themeIds, int?[] priorities, ReferenceCatalog.Snapshot reference)
    {
        var themes = new List<(int Priority, string Key)>(themeIds.Length);
        for (var i = 0; i < themeIds.Length; i++)
        {
            if (reference.ThemesById.GetValueOrDefault(themeIds[i]) is { } theme) themes.Add((priorities[i] ?? int.MaxValue, theme.Key));
        }
        themes.Sort(static (a, b) => a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : string.CompareOrdinal(a.Key, b.Key));
        return [.. themes.Select(t => t.Key)];
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static T? Nullable<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

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
