namespace Atlas.Core.Editing.Deletion;

/// <summary>
/// Deletes records softly and restores them. A correspondent (in the scope of their post) or an administrator deletes a project or
/// a partnership; authorities, organisations and posts, shared by many records, only an administrator. A record goes with the
/// lines that belong to it (a project's funding lines, participants, volunteers and contacts), stamped with the same date, and
/// comes back with them. A record something still depends on is not deleted (a partnership with projects, an authority that
/// takes part in a partnership…): the editor is told what to do first. Only an administrator restores. Every change is in the history.
/// </summary>
public sealed class RecordDeletion(AtlasDbContext db, EditingScope scope, ChangeHistoryQuery history, TimeProvider clock)
{
    /// <summary>Deletes the record, from the version the editor saw when given.</summary>
    public Task<DeletionResult> DeleteAsync(Editor editor, RecordKind kind, int id, uint? version, CancellationToken ct = default) =>
        RunAsync(editor, kind, id, ct, async () =>
        {
            if (await LiveAsync(kind, id, ct).ConfigureAwait(false) is not { } record) return new DeletionResult.NotFound();
            if (!await MayDeleteAsync(editor, kind, id, ct).ConfigureAwait(false)) return new DeletionResult.Forbidden();
            if (version is { } seen && record.Version != seen)
            {
                var changes = await history.SinceVersionAsync(RecordKinds.HistoryName(kind), Key(id), seen, ct).ConfigureAwait(false);
                return new DeletionResult.Conflict(new EditResult.Conflict(record.Version, changes));
            }
            if (await BlockerAsync(kind, id, ct).ConfigureAwait(false) is { } blocked) return blocked;

            var at = clock.GetUtcNow();
            record.DeletedAt = at;
            foreach (var line in await LinesAsync(kind, id, deletedAt: null, ct).ConfigureAwait(false)) line.DeletedAt = at;
            return null;
        });

    /// <summary>Restores a deleted record, with the lines deleted along with it.</summary>
    public Task<DeletionResult> RestoreAsync(Editor editor, RecordKind kind, int id, CancellationToken ct = default) =>
        RunAsync(editor, kind, id, ct, async () =>
        {
            if (editor.Role != EditorRole.Administrator) return new DeletionResult.Forbidden();
            if (await DeletedAsync(kind, id, ct).ConfigureAwait(false) is not { DeletedAt: { } deletedAt } record) return new DeletionResult.NotFound();
            if (await MissingOwnerAsync(kind, id, ct).ConfigureAwait(false) is { } blocked) return blocked;
            if (await DeletedPartyAsync(kind, id, deletedAt, ct).ConfigureAwait(false) is { } named) return named;

            record.DeletedAt = null;
            foreach (var line in await LinesAsync(kind, id, deletedAt, ct).ConfigureAwait(false)) line.DeletedAt = null;
            return null;
        });

    /// <summary>Runs a change in a transaction that locks the record's row first; the change returns null to save, or why not.</summary>
    private async Task<DeletionResult> RunAsync(Editor editor, RecordKind kind, int id, CancellationToken ct, Func<Task<DeletionResult?>> change)
    {
        ArgumentNullException.ThrowIfNull(editor);
        using var author = db.WriteAs(editor);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            // The table name comes from a fixed list, never from input.
#pragma warning disable EF1002
            var locked = await db.Database.SqlQueryRaw<int>($"SELECT id AS \"Value\" FROM {RecordKinds.Table(kind)} WHERE id = {{0}} FOR UPDATE", id)
#pragma warning restore EF1002
                .ToListAsync(ct).ConfigureAwait(false);
            if (locked.Count == 0) return new DeletionResult.NotFound();
            if (await change().ConfigureAwait(false) is { } refused) return refused;

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return new DeletionResult.Done();
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Whether the editor may delete the record: what the deletion itself checks, for pages that ask before offering it.</summary>
    public async Task<bool> MayDeleteAsync(Editor editor, RecordKind kind, int id, CancellationToken ct = default) => kind switch
    {
        _ when editor.Role == EditorRole.Administrator => true,
        RecordKind.Project => editor.Role == EditorRole.Correspondent && await scope.MayEditProjectAsync(editor, id, ct).ConfigureAwait(false),
        RecordKind.Partnership => editor.Role == EditorRole.Correspondent && await scope.MayEditPartnershipAsync(editor, id, ct).ConfigureAwait(false),
        _ => false,
    };

    private async Task<DeletionResult?> BlockerAsync(RecordKind kind, int id, CancellationToken ct)
    {
        switch (kind)
        {
            case RecordKind.Partnership:
                var projects = await db.Projects.CountAsync(p => p.PartnershipId == id, ct).ConfigureAwait(false);
                return projects == 0 ? null : new DeletionResult.Blocked(
                    $"Ce partenariat a encore {Count(projects, "projet", "projets")} : supprimez-les d'abord.",
                    $"The partnership still has {projects} project(s): delete them first.");
            case RecordKind.Authority:
                var partnerships = await db.PartnershipAuthorities.CountAsync(pa => pa.LocalAuthorityId == id, ct).ConfigureAwait(false);
                var roles = await db.ProjectParticipants.CountAsync(pp => pp.LocalAuthorityId == id, ct).ConfigureAwait(false)
                    + await db.Fundings.CountAsync(f => f.FunderAuthorityId == id, ct).ConfigureAwait(false);
                var places = string.Join(" et ", new[]
                {
                    partnerships == 0 ? null : Count(partnerships, "partenariat", "partenariats"),
                    roles == 0 ? null : Count(roles, "participation ou financement", "participations ou financements"),
                }.OfType<string>());
                return partnerships + roles == 0 ? null : new DeletionResult.Blocked(
                    $"Cette collectivité figure encore dans {places} : retirez-la d'abord de ces fiches.",
                    $"The authority is still in {partnerships} partnership(s) and {roles} participation(s) or funding line(s): remove it from them first.");
            case RecordKind.Organisation:
                var uses = await db.ProjectParticipants.CountAsync(pp => pp.OrganisationId == id, ct).ConfigureAwait(false)
                    + await db.Fundings.CountAsync(f => f.FunderOrganisationId == id, ct).ConfigureAwait(false);
                return uses == 0 ? null : new DeletionResult.Blocked(
                    $"Cette organisation figure encore dans {Count(uses, "participation ou financement", "participations ou financements")} : retirez-la d'abord de ces fiches.",
                    $"The organisation is still in {uses} participation(s) or funding line(s): remove it from them first.");
            case RecordKind.DiplomaticPost:
                var accounts = await db.Set<AtlasUser>().CountAsync(u => u.DiplomaticPostId == id, ct).ConfigureAwait(false);
                return accounts == 0 ? null : new DeletionResult.Blocked(
                    $"{Count(accounts, "compte de correspondant est rattaché", "comptes de correspondant sont rattachés")} à ce poste : rattachez-les à un autre poste d'abord.",
                    $"{accounts} correspondent account(s) belong to this post: move them to another post first.");
            default:
                return null;
        }
    }

    /// <summary>A record is restored into a live one: a project into its partnership, a line into its record.</summary>
    private async Task<DeletionResult?> MissingOwnerAsync(RecordKind kind, int id, CancellationToken ct)
    {
        var all = db.Projects.IgnoreQueryFilters();
        var (live, what) = kind switch
        {
            RecordKind.Project => (await all.Where(p => p.Id == id).AllAsync(p => p.PartnershipId == null || p.Partnership!.DeletedAt == null, ct).ConfigureAwait(false), "son partenariat"),
            RecordKind.Funding => (await db.Fundings.IgnoreQueryFilters().Where(f => f.Id == id).AllAsync(f => f.Project!.DeletedAt == null, ct).ConfigureAwait(false), "son projet"),
            RecordKind.Volunteer => (await db.Volunteers.IgnoreQueryFilters().Where(v => v.Id == id).AllAsync(v => v.Project!.DeletedAt == null, ct).ConfigureAwait(false), "son projet"),
            RecordKind.Participant => (await db.ProjectParticipants.IgnoreQueryFilters().Where(p => p.Id == id).AllAsync(p => p.Project!.DeletedAt == null, ct).ConfigureAwait(false), "son projet"),
            RecordKind.Contact => (await db.Contacts.IgnoreQueryFilters().Where(c => c.Id == id).AllAsync(c =>
                (c.ProjectId == null || c.Project!.DeletedAt == null) && (c.PartnershipId == null || c.Partnership!.DeletedAt == null)
                && (c.LocalAuthorityId == null || c.LocalAuthority!.DeletedAt == null) && (c.OrganisationId == null || c.Organisation!.DeletedAt == null)
                && (c.DiplomaticPostId == null || c.DiplomaticPost!.DeletedAt == null), ct).ConfigureAwait(false), "la fiche à laquelle il appartient"),
            _ => (true, ""),
        };
        return live ? null : new DeletionResult.Blocked($"Restaurez d'abord {what}.", "Restore the record it belongs to first.");
    }

    /// <summary>
    /// A record comes back only with the authorities and organisations it names live. An authority is deleted once nothing
    /// live names it, so a project deleted first (its participants and funding lines with it) or a partnership may name one
    /// that went since: restored as they were, the exports read a participant with no party (a 500 the fuzz test found).
    /// </summary>
    private async Task<DeletionResult?> DeletedPartyAsync(RecordKind kind, int id, DateTimeOffset deletedAt, CancellationToken ct)
    {
        var participants = db.ProjectParticipants.IgnoreQueryFilters()
            .Where(p => (p.LocalAuthorityId != null && p.LocalAuthority!.DeletedAt != null) || (p.OrganisationId != null && p.Organisation!.DeletedAt != null));
        var fundings = db.Fundings.IgnoreQueryFilters()
            .Where(f => (f.FunderAuthorityId != null && f.FunderAuthority!.DeletedAt != null) || (f.FunderOrganisationId != null && f.FunderOrganisation!.DeletedAt != null));
        var named = kind switch
        {
            RecordKind.Project => await participants.AnyAsync(p => p.ProjectId == id && p.DeletedAt == deletedAt, ct).ConfigureAwait(false)
                || await fundings.AnyAsync(f => f.ProjectId == id && f.DeletedAt == deletedAt, ct).ConfigureAwait(false),
            RecordKind.Participant => await participants.AnyAsync(p => p.Id == id, ct).ConfigureAwait(false),
            RecordKind.Funding => await fundings.AnyAsync(f => f.Id == id, ct).ConfigureAwait(false),
            RecordKind.Partnership => await db.PartnershipAuthorities.IgnoreQueryFilters()
                .AnyAsync(pa => pa.PartnershipId == id && pa.LocalAuthority!.DeletedAt != null, ct).ConfigureAwait(false),
            _ => false,
        };
        return named ? new DeletionResult.Blocked(
            "Une collectivité ou une organisation que nomme cette fiche a été supprimée depuis : restaurez-la d'abord.",
            "An authority or organisation this record names was deleted since: restore it first.") : null;
    }

    private async Task<ISoftDeletable?> LiveAsync(RecordKind kind, int id, CancellationToken ct) =>
        await Records(kind, id).SingleOrDefaultAsync(r => r.DeletedAt == null, ct).ConfigureAwait(false);

    private async Task<ISoftDeletable?> DeletedAsync(RecordKind kind, int id, CancellationToken ct) =>
        await Records(kind, id).SingleOrDefaultAsync(r => r.DeletedAt != null, ct).ConfigureAwait(false);

    private IQueryable<ISoftDeletable> Records(RecordKind kind, int id) => kind switch
    {
        RecordKind.Project => db.Projects.IgnoreQueryFilters().Where(r => r.Id == id),
        RecordKind.Partnership => db.Partnerships.IgnoreQueryFilters().Where(r => r.Id == id),
        RecordKind.Authority => db.LocalAuthorities.IgnoreQueryFilters().Where(r => r.Id == id),
        RecordKind.Organisation => db.Organisations.IgnoreQueryFilters().Where(r => r.Id == id),
        RecordKind.DiplomaticPost => db.DiplomaticPosts.IgnoreQueryFilters().Where(r => r.Id == id),
        RecordKind.Funding => db.Fundings.IgnoreQueryFilters().Where(r => r.Id == id),
        RecordKind.Contact => db.Contacts.IgnoreQueryFilters().Where(r => r.Id == id),
        RecordKind.Volunteer => db.Volunteers.IgnoreQueryFilters().Where(r => r.Id == id),
        RecordKind.Participant => db.ProjectParticipants.IgnoreQueryFilters().Where(r => r.Id == id),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The lines that go and come back with a record: those deleted at <paramref name="deletedAt"/> (null: the live ones).</summary>
    private async Task<List<ISoftDeletable>> LinesAsync(RecordKind kind, int id, DateTimeOffset? deletedAt, CancellationToken ct)
    {
        var contacts = db.Contacts.IgnoreQueryFilters().Where(c => c.DeletedAt == deletedAt);
        var lines = new List<ISoftDeletable>();
        switch (kind)
        {
            case RecordKind.Project:
                lines.AddRange(await db.Fundings.IgnoreQueryFilters().Where(f => f.ProjectId == id && f.DeletedAt == deletedAt).ToListAsync(ct).ConfigureAwait(false));
                lines.AddRange(await db.Volunteers.IgnoreQueryFilters().Where(v => v.ProjectId == id && v.DeletedAt == deletedAt).ToListAsync(ct).ConfigureAwait(false));
                lines.AddRange(await db.ProjectParticipants.IgnoreQueryFilters().Where(p => p.ProjectId == id && p.DeletedAt == deletedAt).ToListAsync(ct).ConfigureAwait(false));
                lines.AddRange(await contacts.Where(c => c.ProjectId == id).ToListAsync(ct).ConfigureAwait(false));
                break;
            case RecordKind.Partnership:
                lines.AddRange(await contacts.Where(c => c.PartnershipId == id).ToListAsync(ct).ConfigureAwait(false));
                break;
            case RecordKind.Authority:
                lines.AddRange(await contacts.Where(c => c.LocalAuthorityId == id).ToListAsync(ct).ConfigureAwait(false));
                break;
            case RecordKind.Organisation:
                lines.AddRange(await contacts.Where(c => c.OrganisationId == id).ToListAsync(ct).ConfigureAwait(false));
                break;
            case RecordKind.DiplomaticPost:
                lines.AddRange(await contacts.Where(c => c.DiplomaticPostId == id).ToListAsync(ct).ConfigureAwait(false));
                break;
        }
        return lines;
    }


    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
}
