using System.Text.RegularExpressions;
using NpgsqlTypes;

namespace Atlas.Core.Partnerships;

/// <summary>
/// The partnerships' narrow rows of filter columns (<see cref="PartnershipSearchEntry"/>, migration 0025): written by the
/// database's atlas_refresh_partnership_search for the partnerships a save touched (<see cref="PartnershipSearchUpkeep"/>)
/// or for every one after a bulk load, and read for the sample of a filtered /partenariats.
/// </summary>
public static class PartnershipSearchIndex
{
    /// <summary>Recomputes the rows of the given partnerships and of those of the given authorities; returns how many it wrote.</summary>
    public static async Task<int> RefreshAsync(AtlasDbContext db, IReadOnlyCollection<int> partnershipIds, IReadOnlyCollection<int> authorityIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var command = Command(db, partnershipIds, authorityIds);
        return (int)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <summary>What <see cref="RefreshAsync(AtlasDbContext, IReadOnlyCollection{int}, IReadOnlyCollection{int}, CancellationToken)"/> does, for a synchronous save.</summary>
    public static int Refresh(AtlasDbContext db, IReadOnlyCollection<int> partnershipIds, IReadOnlyCollection<int> authorityIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        using var command = Command(db, partnershipIds, authorityIds);
        return (int)command.ExecuteScalar()!;
    }

    /// <summary>Recomputes every partnership's row, after a bulk load: one statement (about a minute at scale 100), written bucket by bucket.</summary>
    public static async Task<int> RefreshAllAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct = default)
    {
        await using var command = new NpgsqlCommand("SELECT atlas_refresh_partnership_search(ARRAY(SELECT id FROM partnerships))", connection, transaction)
        {
            CommandTimeout = 0,
        };
        return (int)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    private static NpgsqlCommand Command(AtlasDbContext db, IReadOnlyCollection<int> partnershipIds, IReadOnlyCollection<int> authorityIds)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) db.Database.OpenConnection();
        var command = new NpgsqlCommand(
            "SELECT atlas_refresh_partnership_search(ARRAY(SELECT unnest(@partnerships) UNION " +
            "SELECT partnership_id FROM partnership_authorities WHERE local_authority_id = ANY(@authorities)))",
            connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter("partnerships", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = partnershipIds.Distinct().ToArray() });
        command.Parameters.Add(new NpgsqlParameter("authorities", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = authorityIds.Distinct().ToArray() });
        return command;
    }

    /// <summary>
    /// The rows that meet the filter as <see cref="PartnershipList.Filtered"/> means it, written on the derived columns; the
    /// conditions of <paramref name="left"/> (the selects' country, region or status) left out, for the caller to check.
    /// </summary>
    public static IQueryable<PartnershipSearchEntry> Filtered(AtlasDbContext db, PartnershipFilter f, ReferenceCatalog.Snapshot reference, bool withSelects = true)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(f);
        var entries = db.PartnershipSearch.AsNoTracking();
        foreach (var pattern in NameTerms.Patterns(f.Query))
            entries = entries.Where(e => Regex.IsMatch(e.SearchText, AtlasDbFunctions.Unaccent(pattern), RegexOptions.IgnoreCase));
        if (f.Department is { } department) entries = entries.Where(ArrayColumns.Holds<PartnershipSearchEntry, string>(e => e.DepartmentCodes, department));
        if (f.Authority is { } authority) entries = entries.Where(ArrayColumns.Holds<PartnershipSearchEntry, int>(e => e.AuthorityIds, authority));
        if (f.Theme is { } themeKey)
        {
            var themeIds = PartnershipList.WithDescendants(reference.ThemesByKey[themeKey].Id, reference);
            // theme_ids && @ids, which the filters' GIN index answers.
            entries = entries.Where(e => e.ThemeIds.Any(t => themeIds.Contains(t)));
        }
        if (f.SignedFrom is { } from) entries = entries.Where(e => e.SignedYear >= from);
        if (f.SignedTo is { } to) entries = entries.Where(e => e.SignedYear <= to);
        if (!withSelects) return entries;
        if (f.Country is { } country) entries = entries.Where(ArrayColumns.Holds<PartnershipSearchEntry, string>(e => e.CountryCodes, country));
        if (f.Region is { } region) entries = entries.Where(ArrayColumns.Holds<PartnershipSearchEntry, string>(e => e.RegionCodes, region));
        if (f.Status is { } status) entries = entries.Where(e => e.Status == status);
        return entries;
    }
}
