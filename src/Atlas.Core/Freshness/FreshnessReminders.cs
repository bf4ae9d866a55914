using Atlas.Core.Mail;

namespace Atlas.Core.Freshness;

/// <summary>
/// The monthly reminder: each correspondent and authority editor whose scope holds records not confirmed for too long is
/// told how many, with a link to their space. Sent once per month by a whole cluster: the instance that takes the advisory
/// lock writes the month's row in the transaction that lasts while it sends (migration 0021), so the others find it sent;
/// one that stops half-way rolls its row back, and the next attempt sends the month's reminder again, whole.
/// </summary>
public sealed class FreshnessReminders(AtlasDbContext db, EditingScope scope, FreshnessRule rule, IOutgoingMail mail, TimeProvider clock)
{
    public const string Kind = "freshness-reminder";
    private const long AdvisoryLockKey = 0x41544C4153 + 14; // next to SchemaMigrator's (issue 14)

    /// <summary>
    /// Sends this month's reminder if nobody has: the number of people written to, or null when it was sent already or
    /// another instance is sending it. <paramref name="spaceUrl"/> is the absolute address of /espace the mail links to.
    /// </summary>
    public async Task<int?> SendDueAsync(string spaceUrl, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spaceUrl);
        var now = clock.GetUtcNow();
        var month = new DateOnly(now.Year, now.Month, 1);
        if (await db.FreshnessReminders.AnyAsync(r => r.Month == month, ct).ConfigureAwait(false)) return null;

        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({AdvisoryLockKey}) AS \"Value\"")
            .SingleAsync(ct).ConfigureAwait(false);
        // Another instance is sending it; or it sent it between the first look and the lock.
        if (!locked || await db.FreshnessReminders.AnyAsync(r => r.Month == month, ct).ConfigureAwait(false)) return null;

        var staleBefore = rule.StaleBefore();
        var accounts = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && u.Email != null && (u.Role == EditorRole.Correspondent || u.Role == EditorRole.AuthorityEditor))
            .OrderBy(u => u.Id).ToListAsync(ct).ConfigureAwait(false);
        var link = spaceUrl.TrimEnd('/') + "?fraicheur=anciennes";
        var sent = 0;
        foreach (var account in accounts)
        {
            var editor = Editor.Of(account);
            var stale = await scope.Projects(editor).CountAsync(p => p.ConfirmedAt == null || p.ConfirmedAt < staleBefore, ct).ConfigureAwait(false)
                + await scope.Partnerships(editor).CountAsync(p => p.ConfirmedAt == null || p.ConfirmedAt < staleBefore, ct).ConfigureAwait(false);
            if (stale == 0) continue;
            await mail.SendAsync(Message(account, stale, link), ct).ConfigureAwait(false);
            sent++;
        }

        db.FreshnessReminders.Add(new FreshnessReminder { Month = month, SentAt = now, Recipients = sent });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return sent;
    }

    private OutgoingMail Message(AtlasUser account, int stale, string link)
    {
        var records = stale == 1
            ? $"Une fiche de votre périmètre n’a pas été confirmée depuis plus de {rule.Period}."
            : $"{stale} fiches de votre périmètre (projets et partenariats) n’ont pas été confirmées depuis plus de {rule.Period}.";
        return new OutgoingMail(account.Email!, account.DisplayName, Kind,
            stale == 1 ? "Une fiche à confirmer" : $"{stale} fiches à confirmer",
            records + " Votre espace les liste en premier : mettez-les à jour, ou indiquez d’un clic qu’elles sont toujours exactes.",
            link);
    }
}
