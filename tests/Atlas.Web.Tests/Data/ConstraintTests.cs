using Atlas.Web.Tests.Infrastructure;
using Npgsql;

namespace Atlas.Web.Tests.Data;

/// <summary>What must never be stored is refused by the database itself, whoever writes.</summary>
public sealed class ConstraintTests(TestDatabase database)
{
    [Theory]
    [InlineData("UPDATE fundings SET amount = -1 WHERE id = (SELECT min(id) FROM fundings)", "ck_fundings_amount")]
    [InlineData("UPDATE fundings SET water_law_amount = -5 WHERE id = (SELECT min(id) FROM fundings)", "ck_fundings_water_law_amount")]
    [InlineData("UPDATE fundings SET currency_code = 'XYZ' WHERE id = (SELECT min(id) FROM fundings)", "fk_fundings_currencies_currency_code")]
    [InlineData("UPDATE projects SET start_year = 2010, end_year = 2005, start_date = NULL, end_date = NULL WHERE id = (SELECT min(id) FROM projects)", "ck_projects_end_after_start")]
    [InlineData("UPDATE local_authorities SET country_code = 'ZZ' WHERE id = (SELECT min(id) FROM local_authorities WHERE country_code <> 'FR')", "fk_local_authorities_countries_country_code")]
    [InlineData("INSERT INTO countries (code, code3, name, name_en) VALUES ('m1', 'MA1', 'x', 'x')", "ck_countries_code")]
    [InlineData("UPDATE local_authorities SET kind = 'castle' WHERE id = (SELECT min(id) FROM local_authorities)", "ck_local_authorities_kind")]
    [InlineData("UPDATE project_participants SET organisation_id = (SELECT min(id) FROM organisations) WHERE local_authority_id IS NOT NULL AND id = (SELECT min(id) FROM project_participants WHERE local_authority_id IS NOT NULL)", "ck_project_participants_one_party")]
    public async Task The_database_refuses_what_must_never_be_stored(string sql, string constraint)
    {
        var connectionString = await database.CreateDemoDatabaseAsync();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new NpgsqlCommand(sql, conn);
        var error = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        Assert.Equal(constraint, error.ConstraintName);
    }
}
