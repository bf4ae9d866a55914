using Atlas.Web.Tests.Infrastructure;
using Npgsql;

namespace Atlas.Web.Tests.Data;

/// <summary>
/// local_authorities.partnership_count (migration 0020, the directory's order by partnerships) stays the count the base
/// tables give: links to partnerships not deleted, through a link added, moved and removed, a partnership deleted and restored.
/// </summary>
public sealed class StoredPartnershipCountTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Drift = """
        SELECT count(*) FROM local_authorities a
        WHERE a.partnership_count <> (SELECT count(*) FROM partnership_authorities pa JOIN partnerships p ON p.id = pa.partnership_id
                                      WHERE pa.local_authority_id = a.id AND p.deleted_at IS NULL)
        """;

    [Fact]
    public async Task The_stored_count_is_the_base_tables_count_after_every_kind_of_change()
    {
        await using var conn = new NpgsqlConnection(await database.CreateDemoDatabaseAsync());
        await conn.OpenAsync(Ct);
        Assert.True(await ScalarAsync(conn, "SELECT count(*) FROM local_authorities WHERE partnership_count > 1") > 0, "the demo data must have authorities in several partnerships");
        await NoDriftAsync(conn, "after the load");

        // An authority in no partnership, and a live partnership it is not in.
        var lonely = await ScalarAsync(conn, "SELECT min(id) FROM local_authorities WHERE partnership_count = 0");
        var partnership = await ScalarAsync(conn, "SELECT min(p.id) FROM partnerships p WHERE p.deleted_at IS NULL");
        await ExecuteAsync(conn, $"INSERT INTO partnership_authorities (partnership_id, local_authority_id) VALUES ({partnership}, {lonely})");
        Assert.Equal(1, await ScalarAsync(conn, $"SELECT partnership_count FROM local_authorities WHERE id = {lonely}"));
        await NoDriftAsync(conn, "after a link was added");

        await ExecuteAsync(conn, $"UPDATE partnerships SET deleted_at = now() WHERE id = {partnership}");
        Assert.Equal(0, await ScalarAsync(conn, $"SELECT partnership_count FROM local_authorities WHERE id = {lonely}"));
        await NoDriftAsync(conn, "after the partnership was deleted");

        await ExecuteAsync(conn, $"UPDATE partnerships SET deleted_at = NULL WHERE id = {partnership}");
        await NoDriftAsync(conn, "after it was restored");

        var other = await ScalarAsync(conn, "SELECT min(id) FROM local_authorities WHERE partnership_count = 0");
        await ExecuteAsync(conn, $"UPDATE partnership_authorities SET local_authority_id = {other} WHERE partnership_id = {partnership} AND local_authority_id = {lonely}");
        Assert.Equal((0, 1), (await ScalarAsync(conn, $"SELECT partnership_count FROM local_authorities WHERE id = {lonely}"),
            await ScalarAsync(conn, $"SELECT partnership_count FROM local_authorities WHERE id = {other}")));
        await NoDriftAsync(conn, "after a link was moved");

        await ExecuteAsync(conn, $"DELETE FROM partnership_authorities WHERE partnership_id = {partnership}");
        await NoDriftAsync(conn, "after the partnership's links were removed");
        // A partnership without projects (they restrict its deletion): its links go by cascade.
        var deleted = await ScalarAsync(conn, """
            SELECT min(pa.partnership_id) FROM partnership_authorities pa
            WHERE NOT EXISTS (SELECT FROM projects pr WHERE pr.partnership_id = pa.partnership_id)
            """);
        Assert.True(deleted > 0, "the demo data must have a partnership without projects");
        await ExecuteAsync(conn, $"DELETE FROM partnerships WHERE id = {deleted}");
        await NoDriftAsync(conn, "after a partnership and its links were deleted");
    }

    private static async Task NoDriftAsync(NpgsqlConnection conn, string when) =>
        Assert.True(await ScalarAsync(conn, Drift) == 0, $"Stored counts differ from the base tables' {when}.");

    private static async Task<int> ScalarAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(Ct);
    }
}
