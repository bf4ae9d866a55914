namespace Atlas.Core.Freshness;

/// <summary>
/// « Toujours exact » in one click: a person says that a project or a partnership in their scope is still right, which moves
/// its <c>ConfirmedAt</c> as an edit would, without a change to record in the history.
/// </summary>
public sealed class RecordFreshness(AtlasDbContext db, EditingScope scope, TimeProvider clock)
{
    /// <summary>Saved (with the record's new version), Forbidden outside the editor's scope, NotFound for no such record (or another kind).</summary>
    public async Task<EditResult> ConfirmAsync(Editor editor, RecordKind kind, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        var at = clock.GetUtcNow();
        switch (kind)
        {
            case RecordKind.Project:
                if (!await db.Projects.AnyAsync(p => p.Id == id, ct).ConfigureAwait(false)) return new EditResult.NotFound();
                var projects = await scope.Projects(editor).Where(p => p.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.ConfirmedAt, at), ct).ConfigureAwait(false);
                if (projects == 0) return new EditResult.Forbidden();
                return new EditResult.Saved(await db.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync(ct).ConfigureAwait(false));
            case RecordKind.Partnership:
                if (!await db.Partnerships.AnyAsync(p => p.Id == id, ct).ConfigureAwait(false)) return new EditResult.NotFound();
                var partnerships = await scope.Partnerships(editor).Where(p => p.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.ConfirmedAt, at), ct).ConfigureAwait(false);
                if (partnerships == 0) return new EditResult.Forbidden();
                return new EditResult.Saved(await db.Partnerships.Where(p => p.Id == id).Select(p => p.Version).SingleAsync(ct).ConfigureAwait(false));
            default:
                return new EditResult.NotFound();
        }
    }
}
