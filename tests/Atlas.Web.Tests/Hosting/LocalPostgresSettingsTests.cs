using Atlas.Core.Data.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Atlas.Web.Tests.Hosting;

/// <summary>
/// Atlas:LocalDatabase:SharedBuffers sizes the private PostgreSQL's buffer pool (the benchmark gives it a quarter of the
/// machine's memory; issue 15's filtered export read its 21,600 project pages from the OS cache at 256 MB). Only a size
/// reaches the server's command line.
/// </summary>
public sealed class LocalPostgresSettingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_private_server_starts_with_the_configured_buffer_pool()
    {
        var root = Path.Combine(Path.GetTempPath(), $"atlas-buffers-{Guid.NewGuid():N}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseLocation.LocalDirectorySetting] = root,
            [DatabaseLocation.LocalSharedBuffersSetting] = "48MB",
        }).Build();

        var (connectionString, local) = await DatabaseLocation.ResolveAsync(configuration, NullLogger.Instance, Ct);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand("SHOW shared_buffers", connection);
            Assert.Equal("48MB", await command.ExecuteScalarAsync(Ct));
        }
        finally
        {
            await local!.DeleteAsync();
        }
    }

    [Theory]
    [InlineData("4GB; rm -rf /")]
    [InlineData("-c fsync=off")]
    [InlineData("0MB")]
    [InlineData("4 GB")]
    [InlineData("4TB")]
    public async Task Anything_but_a_size_is_refused_before_a_server_starts(string value)
    {
        var root = Path.Combine(Path.GetTempPath(), $"atlas-buffers-{Guid.NewGuid():N}");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => LocalPostgres.StartAsync(root, Ct, value));
        Assert.Contains("PostgreSQL size", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root));
    }
}
