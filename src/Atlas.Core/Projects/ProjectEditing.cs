using Atlas.Core.Editing.Review;

namespace Atlas.Core.Projects;

/// <summary>
/// Edits a project's fields, themes and funding lines in one transaction: within the editor's scope, by the rules, from the
/// version the editor loaded (a save made from an older one changes nothing and says what the other person changed), with
/// its history recorded (its search columns follow, refreshed by the save itself) and its date of update moved.
/// </summary>
public sealed class ProjectEditing(AtlasDbContext db, EditingScope scope, ReferenceCatalog catalog, ChangeHistoryQuery history, TimeProvider clock)
{
    public Task<EditResult> SaveAsync(Editor editor, int projectId, uint version, ProjectValues values, CancellationToken ct = default) =>
        db.WriteAsync(editor, values, async () => (await SaveInTransactionAsync(editor, projectId, version, values, apply: true, ct).ConfigureAwait(false)).Result);

    /// <summary>
    /// Creates a project in a partnership the editor may edit, by the same rules as an edit; it is published at once. An
    /// authority editor's new project is not: it is declared as a draft and published by a reviewer's approval
    /// (<see cref="Drafts"/>), which creates it here as the reviewer on the author's behalf. Funding lines,
    /// participants and volunteers are all new lines.
    /// </summary>
    public Task<EditResult> CreateAsync(Editor editor, int partnershipId, ProjectValues values, CancellationToken ct = default) => db.WriteAsync<EditResult>(editor, values, async () =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (editor is { Role: EditorRole.AuthorityEditor, ProposedBy: null }) return new EditResult.Forbidden();
        if (await RefusedNewAsync(editor, partnershipId, values, ct).ConfigureAwait(false) is { } refused) return refused;
        var project = new Project { PartnershipId = partnershipId, Title = "", UpdatedAt = clock.GetUtcNow(), ConfirmedAt = clock.GetUtcNow() };
        db.Projects.Add(project);
        Apply(project, values);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var version = await CurrentVersionAsync(project.Id, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return new EditResult.Created(project.Id, version);
    });

    /// <summary>
    /// Checks a new project as <see cref="CreateAsync"/> would (partnership, scope, rules, no line of another record) and saves
    /// nothing: null when it would be created, else why not. A draft is checked so when its author submits it.
    /// </summary>
    public async Task<EditResult?> CheckNewAsync(Editor editor, int partnershipId, ProjectValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(values);
        return await RefusedNewAsync(editor, partnershipId, values, ct).ConfigureAwait(false);
    }

    private async Task<EditResult?> RefusedNewAsync(Editor editor, int partnershipId, ProjectValues values, CancellationToken ct)
    {
        var reference = await catalog.GetAsync(ct).ConfigureAwait(false);
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct).ConfigureAwait(false))
            return EditResult.Invalid.Of("PartnershipId", "partnership_required", "Ce partenariat n'existe pas.");
        if (!await scope.MayCreateProjectInAsync(editor, partnershipId, ct).ConfigureAwait(false)) return new EditResult.Forbidden();

        var known = await KnownRecords.LoadAsync(db, values, ct).ConfigureAwait(false);
        var validation = await new ProjectValidator(reference, known).ValidateAsync(values, ct).ConfigureAwait(false);
        if (!validation.IsValid) return EditResult.Invalid.Of(validation.Errors);
        return ForeignLine(values, new Project { Title = "" });
    }

    /// <summary>
    /// Checks an edit as <see cref="SaveAsync"/> would (scope, rules, version) and saves nothing: <see cref="EditResult.Saved"/>
    /// with the version given when it would be saved, and whether it would change anything.
    /// </summary>
    public async Task<(EditResult Result, bool Changes)> CheckAsync(Editor editor, int projectId, uint version, ProjectValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(values);
        try
        {
            return await SaveInTransactionAsync(editor, projectId, version, values, apply: false, ct).ConfigureAwait(false);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<(EditResult Result, bool Changes)> SaveInTransactionAsync(Editor editor, int projectId, uint version, ProjectValues values, bool apply, CancellationToken ct)
    {
        var reference = await catalog.GetAsync(ct).ConfigureAwait(false);

        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        // Every edit of a project takes the project's row first, so that edits of one project queue up there rather than
        // deadlock on the other rows they write (every write also touches data_versions).
        var locked = await db.Database.SqlQuery<long>($"SELECT xmin::text::bigint AS \"Value\" FROM projects WHERE id = {projectId} AND deleted_at IS NULL FOR UPDATE")
            .ToListAsync(ct).ConfigureAwait(false);
        if (locked.Count == 0) return (new EditResult.NotFound(), false);
        if (!await scope.MayEditProjectAsync(editor, projectId, ct).ConfigureAwait(false)) return (new EditResult.Forbidden(), false);
        if (locked[0] != version)
        {
            // Made from an older version, the edit can only be refused: release the row at once for the edits queued behind it.
            await transaction.RollbackAsync(ct).ConfigureAwait(false);
            return (await ConflictAsync(projectId, version, ct).ConfigureAwait(false), false);
        }

        var known = await KnownRecords.LoadAsync(db, values, ct).ConfigureAwait(false);
        var validation = await new ProjectValidator(reference, known).ValidateAsync(values, ct).ConfigureAwait(false);
        if (!validation.IsValid) return (EditResult.Invalid.Of(validation.Errors), false);

        var project = await db.Projects.WithEditableLines().SingleAsync(p => p.Id == projectId, ct).ConfigureAwait(false);
        var stored = project.Version;
        if (ForeignLine(values, project) is { } foreign)
        {
            // From an older version, the line may be one that someone else has removed since.
            return (stored != version ? await ConflictAsync(projectId, version, ct).ConfigureAwait(false) : foreign, false);
        }

        // The save is checked against the version the editor loaded, not the one just read.
        project.Version = version;
        db.Entry(project).Property(p => p.Version).OriginalValue = version;
        Apply(project, values);
        db.ChangeTracker.DetectChanges();
        if (!db.ChangeTracker.HasChanges())
        {
            // Nothing to write, but a form loaded from an older version still has not seen what changed since.
            return (stored == version ? new EditResult.Saved(stored) : await ConflictAsync(projectId, version, ct).ConfigureAwait(false), false);
        }
        if (!apply)
        {
            // What SaveChanges would find stale, told without writing; the transaction rolls back as it is disposed.
            return (stored == version ? new EditResult.Saved(version) : await ConflictAsync(projectId, version, ct).ConfigureAwait(false), stored == version);
        }

        project.UpdatedAt = clock.GetUtcNow();
        // An edit is a person's confirmation that the record is right (freshness, issue 14).
        project.ConfirmedAt = project.UpdatedAt;
        try
        {
            // One main theme per project is checked row by row: a new main theme may only be set once the old one is not.
            if (project.Themes.Any(t => t.IsMain && (db.Entry(t).State == EntityState.Added || !db.Entry(t).Property(x => x.IsMain).OriginalValue)))
            {
                await db.ProjectThemes.Where(t => t.ProjectId == projectId && t.IsMain)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.IsMain, false), ct).ConfigureAwait(false);
            }
            // No savepoint around the save (two commands): a failed save rolls the whole transaction back below. Without one,
            // the project's row takes this transaction's own id as its version (xmin) in the save, and keeps it through the
            // writes that follow in the transaction (history, search columns): the version the save read back is the one
            // committed, and is not read again (issue 15: 67 statements a save at scale 1).
            db.Database.AutoSavepointsEnabled = false;
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct).ConfigureAwait(false);
            return (await ConflictAsync(projectId, version, ct).ConfigureAwait(false), false);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }

        var saved = project.Version;
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return (new EditResult.Saved(saved), true);
    }

    private async Task<EditResult> ConflictAsync(int projectId, uint version, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var changes = await history.SinceProjectVersionAsync(projectId, version, ct).ConfigureAwait(false);
        return new EditResult.Conflict(await CurrentVersionAsync(projectId, ct).ConfigureAwait(false), changes);
    }

    /// <summary>The first line submitted with an id that is not one of the project's: refused, as its own field's error.</summary>
    private static EditResult.Invalid? ForeignLine(ProjectValues values, Project project)
    {
        static EditResult.Invalid? First(IEnumerable<int?> submitted, IEnumerable<int> own, string list, string code, string message)
        {
            var ids = own.ToHashSet();
            var index = submitted.Select((id, i) => (id, i)).FirstOrDefault(x => x.id is { } id && !ids.Contains(id), (null, -1)).Item2;
            return index < 0 ? null : EditResult.Invalid.Of($"{list}[{index}].Id", code, message);
        }

        return First(values.Fundings.Select(f => f.Id), project.Fundings.Select(f => f.Id), nameof(ProjectValues.Fundings),
                "unknown_funding", "Cette ligne de financement n'appartient pas au projet.")
            ?? First((values.Participants ?? []).Select(p => p.Id), project.Participants.Select(p => p.Id), nameof(ProjectValues.Participants),
                "unknown_participant", "Cette participation n'appartient pas au projet.")
            ?? First((values.Volunteers ?? []).Select(v => v.Id), project.Volunteers.Select(v => v.Id), nameof(ProjectValues.Volunteers),
                "unknown_volunteer", "Ce volontaire n'appartient pas au projet.")
            ?? (ContactLines.ForeignLine(values.Contacts, project.Contacts) is { } contact ? ContactLines.Foreign(contact) : null);
    }

    private Task<uint> CurrentVersionAsync(int projectId, CancellationToken ct) =>
        db.Projects.Where(p => p.Id == projectId).Select(p => p.Version).SingleAsync(ct);

    private void Apply(Project project, ProjectValues values)
    {
        project.Title = values.Title!.Trim();
        project.Status = EnumCode<ProjectStatus>.Parse(values.Status!);
        project.FirstSignatureYear = values.FirstSignatureYear;
        project.StartDate = values.StartDate;
        project.StartYear = values.StartYear ?? values.StartDate?.Year;
        project.EndDate = values.EndDate;
        project.EndYear = values.EndYear ?? values.EndDate?.Year;
        project.Context = EditingRules.Trimmed(values.Context);
        project.History = EditingRules.Trimmed(values.History);
        project.Objectives = EditingRules.Trimmed(values.Objectives);
        project.Description = EditingRules.Trimmed(values.Description);
        project.Form = EditingRules.Trimmed(values.Form);
        project.Beneficiaries = EditingRules.Trimmed(values.Beneficiaries);
        project.TotalCostAmount = values.TotalCostAmount;
        project.TotalCostCurrency = values.TotalCostAmount is null ? null : values.TotalCostCurrency;
        project.IsTriennial = values.IsTriennial;
        project.CommunicationInFrance = values.CommunicationInFrance;
        project.CommunicationInPartnerCountry = values.CommunicationInPartnerCountry;
        project.EvaluationPolicy = values.EvaluationPolicy;
        ApplyThemes(project, values);
        ApplyFundings(project, values);
        if (values.Participants is { } participants) ApplyParticipants(project, participants);
        if (values.Volunteers is { } volunteers) ApplyVolunteers(project, volunteers);
        ContactLines.Apply(project.Contacts, values.Contacts, () => new Contact { ProjectId = project.Id }, clock.GetUtcNow());
    }

    private void ApplyThemes(Project project, ProjectValues values)
    {
        var wanted = values.Themes.ToDictionary(t => t.ThemeId, t => (IsMain: false, t.Priority));
        if (values.MainThemeId is { } main) wanted[main] = (true, null);
        foreach (var theme in project.Themes.ToList())
        {
            if (wanted.Remove(theme.ThemeId, out var choice))
            {
                theme.IsMain = choice.IsMain;
                theme.Priority = choice.Priority;
            }
            else
            {
                project.Themes.Remove(theme);
                db.ProjectThemes.Remove(theme);
            }
        }
        foreach (var (themeId, choice) in wanted)
            project.Themes.Add(new ProjectTheme { ProjectId = project.Id, ThemeId = themeId, IsMain = choice.IsMain, Priority = choice.Priority });
    }

    private void ApplyFundings(Project project, ProjectValues values) =>
        ApplyLines(project.Fundings, values.Fundings, f => f.Id, v => v.Id, () => new Funding { ProjectId = project.Id, CurrencyCode = "" }, (funding, line, i) =>
        {
            funding.FunderAuthorityId = line.FunderAuthorityId;
            funding.FunderOrganisationId = line.FunderOrganisationId;
            funding.Amount = line.Amount!.Value;
            funding.CurrencyCode = line.CurrencyCode!;
            funding.WaterLawAmount = line.WaterLawAmount;
            funding.Year = line.Year;
            funding.Note = EditingRules.Trimmed(line.Note);
            funding.SortOrder = i;
        });

    private void ApplyParticipants(Project project, List<ParticipantValues> participants) =>
        ApplyLines(project.Participants, participants, p => p.Id, v => v.Id, () => new ProjectParticipant { ProjectId = project.Id }, (participant, line, i) =>
        {
            participant.LocalAuthorityId = line.LocalAuthorityId;
            participant.OrganisationId = line.OrganisationId;
            participant.Role = EnumCode<ParticipantRole>.Parse(line.Role!);
            participant.SortOrder = i;
        });

    private void ApplyVolunteers(Project project, List<VolunteerValues> volunteers) =>
        ApplyLines(project.Volunteers, volunteers, v => v.Id, v => v.Id, () => new Volunteer { ProjectId = project.Id }, (volunteer, line, _) =>
        {
            volunteer.FirstName = EditingRules.Trimmed(line.FirstName);
            volunteer.LastName = EditingRules.Trimmed(line.LastName);
            volunteer.Mission = EditingRules.Trimmed(line.Mission);
            volunteer.FieldOfAction = EditingRules.Trimmed(line.FieldOfAction);
            volunteer.HostEntity = EditingRules.Trimmed(line.HostEntity);
        });

    /// <summary>
    /// A list the form sends whole (funding lines, participants, volunteers): the lines it no longer holds are deleted, the
    /// others found by id or added, and each given its values and its position.
    /// </summary>
    private void ApplyLines<TLine, TValues>(List<TLine> owned, List<TValues> lines, Func<TLine, int> idOf, Func<TValues, int?> sentId,
        Func<TLine> create, Action<TLine, TValues, int> apply) where TLine : ISoftDeletable
    {
        var kept = lines.Select(sentId).OfType<int>().ToHashSet();
        // A line left out is deleted softly, so that an administrator can bring it back.
        foreach (var removed in owned.Where(l => !kept.Contains(idOf(l)) && l.DeletedAt is null))
            removed.DeletedAt = clock.GetUtcNow();
        for (var i = 0; i < lines.Count; i++)
        {
            var id = sentId(lines[i]);
            var line = id is { } known ? owned.Single(l => idOf(l) == known) : create();
            apply(line, lines[i], i);
            if (id is null) owned.Add(line);
        }
    }

}
