using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Atlas.Web.Hosting;

/// <summary>
/// When this instance commits a write, its next request reads the data version afresh instead of reusing the last one
/// for up to a second: what this instance just saved is at once visible through its own output cache and ETags. (Other
/// instances see the moved version within <see cref="DataVersionReader.ReuseFor"/>.) Hooked on commits, not on the
/// statements, so that a read racing the write cannot re-cache the old data under the new version.
/// </summary>
internal sealed class LocalWriteObserver(DataVersionReader primaryVersions, ReadReplica? replica = null) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Forget();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Forget();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget();
        return Task.CompletedTask;
    }

    // The replica's version too: it replays the write within milliseconds, and is read afresh rather than reused for a second.
    private void Forget()
    {
        primaryVersions.Forget();
        replica?.Versions.Forget();
    }
}
