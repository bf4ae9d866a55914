using Atlas.Tools.Synthetic;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Atlas.Tools.Tests.Synthetic;

/// <summary>
/// The <c>generate</c> verb as the README and scripts/benchmark.sh run it: it finds the configured database, brings an empty
/// one to the current schema with its reference data, fills it, and says by its exit code what happened.
/// </summary>
public sealed class GenerateCommandTests(TestDatabase database)
{
    private const double Scale = 0.02;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generate_migrates_an_empty_database_loads_its_reference_data_and_fills_it()
    {
        var target = await database.CreateEmptyDatabaseAsync();

        Assert.Equal(0, await SyntheticDataCommand.RunAsync(["--scale", "0.02", "--seed", "5"], Configured(target)));

        Assert.Equal(new SyntheticOptions(Scale).Projects, await ScalarAsync(target, "SELECT count(*) FROM projects"));
        Assert.Equal(1, await ScalarAsync(target, "SELECT count(*) FROM countries WHERE code = 'SN'"));
        Assert.Equal(1, await ScalarAsync(target, "SELECT count(*) FROM synthetic_datasets WHERE seed = 5 AND scale = 0.02"));
    }

    [Fact]
    public async Task Generate_refuses_a_database_of_real_records_with_exit_code_3_and_leaves_it_as_it_was()
    {
        var demo = await database.CreateDemoDatabaseAsync();
        var before = await ScalarAsync(demo, "SELECT count(*) FROM projects");

        Assert.Equal(3, await SyntheticDataCommand.RunAsync(["--scale", "0.02"], Configured(demo)));

        Assert.Equal(before, await ScalarAsync(demo, "SELECT count(*) FROM projects"));
        Assert.Equal(0, await ScalarAsync(demo, "SELECT count(*) FROM synthetic_datasets"));
    }

    [Theory]
    [InlineData]
    [InlineData("--scale")]
    [InlineData("--scale", "0")]
    [InlineData("--seed", "3")]
    public async Task Generate_with_a_bad_command_line_exits_with_code_2_before_reaching_any_database(params string[] args)
    {
        // A database that does not exist: reaching it would throw instead of returning.
        var missing = new NpgsqlConnectionStringBuilder(database.ConnectionString("postgres")) { Database = "atlas_missing" }.ConnectionString;
        Assert.Equal(2, await SyntheticDataCommand.RunAsync(args, Configured(missing)));
    }

    private static IConfiguration Configured(string connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Atlas"] = connectionString }).Build();

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
