using System.Data.Common;
using Atlas.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Atlas.Web.Tests.Infrastructure;

/// <summary>The text of every SQL command the app's DbContexts run (add it with ConfigureDbContext(o => o.AddInterceptors(log))).</summary>
public sealed class SqlCommandLog : DbCommandInterceptor
{
    private readonly List<string> _texts = [];

    public IReadOnlyList<string> Texts
    {
        get { lock (_texts) return _texts.ToList(); }
    }

    /// <summary>A context on <paramref name="connectionString"/> whose commands this log records.</summary>
    public AtlasDbContext CreateContext(string connectionString) =>
        new((DbContextOptions<AtlasDbContext>)AtlasDbContext.UsePostgres(new DbContextOptionsBuilder<AtlasDbContext>(), connectionString)
            .AddInterceptors(this).Options);

    public int Count
    {
        get { lock (_texts) return _texts.Count; }
    }

    public void Clear()
    {
        lock (_texts) _texts.Clear();
    }

    private void Add(DbCommand command)
    {
        lock (_texts) _texts.Add(command.CommandText);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Add(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
