using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Atlas.Core.Data;

/// <summary>
/// Sends settings with the statements a context runs while <see cref="AtlasDbContext.StatementSettings"/> holds some
/// (<see cref="CustomPlans"/>, <see cref="NameMatchPlans"/>): each query goes as <c>SELECT set_config(name, value, true); SELECT …</c>
/// in one round trip, and its reader starts at the second result. Npgsql sends a command's statements with one Sync, so they
/// run in one implicit transaction and the local setting holds for the query that follows it, then lapses. It replaced a
/// transaction of its own with a <c>SET LOCAL</c> (three more round trips, and in a profile of the API's project list 10 % of
/// the app's CPU spent beginning, setting and committing).
/// </summary>
public sealed class StatementSettings : DbCommandInterceptor
{
    public static readonly StatementSettings Instance = new();

    private StatementSettings()
    {
    }

    /// <summary>The statement that applies <paramref name="settings"/> for the length of the current transaction.</summary>
    public static string Statement(IEnumerable<(string Name, string Value)> settings) =>
        "SELECT " + string.Join(", ", settings.Select(s => $"set_config('{s.Name}', '{s.Value}', true)")) + ";\n";

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Prefix(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Prefix(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (IsPrefixed(command)) result.NextResult();
        return result;
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (IsPrefixed(command)) await result.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static void Prefix(DbCommand command, CommandEventData eventData)
    {
        if (eventData.Context is AtlasDbContext { StatementSettings: { Count: > 0 } settings })
            command.CommandText = Statement(settings) + command.CommandText;
    }

    private static bool IsPrefixed(DbCommand command) => command.CommandText.StartsWith("SELECT set_config(", StringComparison.Ordinal);
}
