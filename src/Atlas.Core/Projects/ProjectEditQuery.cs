namespace Atlas.Core.Projects;

/// <summary>What the project's edit form and write API read: the project with its lines and their parties, its values and version, its history's heading.</summary>
public sealed class ProjectEditQuery(AtlasDbContext db)
{
    /// <summary>The project with everything its form shows: funding lines and participants with their authority or organisation, themes, volunteers, contacts.</summary>
    public Task<Project?> FormAsync(int id, CancellationToken ct) =>
        db.Projects.AsNoTracking().AsSplitQuery()
            .Include(p => p.Fundings).ThenInclude(f => f.FunderAuthority)
            .Include(p => p.Fundings).ThenInclude(f => f.FunderOrganisation)
            .Include(p => p.Themes)
            .Include(p => p.Participants).ThenInclude(pp => pp.LocalAuthority)
            .Include(p => p.Participants).ThenInclude(pp => pp.Organisation)
            .Include(p => p.Volunteers).Include(p => p.Contacts)
            .SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The partnership a new project is added to.</summary>
    public Task<Partnership?> PartnershipAsync(int id, CancellationToken ct) =>
        db.Partnerships.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The project's values as an edit starts from them, and its version; null when there is no such project.</summary>
    public async Task<(uint Version, ProjectValues Values)?> ValuesAsync(int id, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().WithEditableLines().SingleOrDefaultAsync(p => p.Id == id, ct).ConfigureAwait(false);
        return project is null ? null : (project.Version, ProjectValues.Of(project));
    }

    /// <summary>At most two authorities and two organisations whose name contains <paramref name="text"/> (case ignored).</summary>
    public async Task<IReadOnlyList<PartyMatch>> PartiesNamedAsync(string text, CancellationToken ct)
    {
        var pattern = "%" + EditingRules.LikeEscaped(text) + "%";
        var authorities = await db.LocalAuthorities.Where(a => EF.Functions.ILike(a.Name, pattern))
            .Select(a => new PartyMatch(a.Id, a.Name, true)).Take(2).ToListAsync(ct).ConfigureAwait(false);
        var organisations = await db.Organisations.Where(o => EF.Functions.ILike(o.Name, pattern))
            .Select(o => new PartyMatch(o.Id, o.Name, false)).Take(2).ToListAsync(ct).ConfigureAwait(false);
        return [.. authorities, .. organisations];
    }

    /// <summary>The project's title, deleted or not as the history shows it; null when there is no such project.</summary>
    public Task<string?> TitleAsync(int id, CancellationToken ct) =>
        db.Projects.Where(p => p.Id == id).Select(p => p.Title).SingleOrDefaultAsync(ct);

    /// <summary>The ids of the project's live funding lines.</summary>
    public async Task<IReadOnlyList<int>> FundingIdsAsync(int id, CancellationToken ct) =>
        await db.Fundings.Where(f => f.ProjectId == id).Select(f => f.Id).ToListAsync(ct).ConfigureAwait(false);

    /// <summary>
    /// The names a project's history shows for what its changes refer to by id: its funding lines (deleted too) and the
    /// authorities, organisations and partnerships named in <paramref name="changes"/>. At most six small queries whatever the history's length.
    /// </summary>
    public Task<HistoryNames> HistoryNamesAsync(int id, IEnumerable<ChangeRecord> changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return HistoryNamesAsync(id, changes.SelectMany(c => c.Changes), ct);
    }

    /// <summary>The same names for the fields of a conflict (<see cref="ChangedField"/>): what changed since a form was opened.</summary>
    public Task<HistoryNames> HistoryNamesAsync(int id, IEnumerable<ChangedField> changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return HistoryNamesAsync(id, changes.Where(c => c.Field is not null).Select(c => new FieldChange(c.Field!, c.Old, c.New)), ct);
    }

    private async Task<HistoryNames> HistoryNamesAsync(int id, IEnumerable<FieldChange> fields, CancellationToken ct)
    {
        var named = await HistoryNameLookup.LoadAsync(db, fields, ct).ConfigureAwait(false);
        var fundings = await db.Fundings.IgnoreQueryFilters().Where(f => f.ProjectId == id)
            .Select(f => new { f.Id, f.SortOrder, f.CurrencyCode }).ToListAsync(ct).ConfigureAwait(false);
        var participants = await db.ProjectParticipants.IgnoreQueryFilters().Where(pp => pp.ProjectId == id)
            .Select(pp => new { pp.Id, Name = pp.LocalAuthority != null ? pp.LocalAuthority.Name : pp.Organisation != null ? pp.Organisation.Name : "" })
            .ToDictionaryAsync(pp => pp.Id, pp => pp.Name, ct).ConfigureAwait(false);
        var currency = await db.Projects.IgnoreQueryFilters().Where(p => p.Id == id).Select(p => p.TotalCostCurrency).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        return named with
        {
            TotalCostCurrency = currency,
            Fundings = fundings.ToDictionary(f => f.Id, f => (f.SortOrder, f.CurrencyCode)),
            Participants = participants,
        };
    }
}
