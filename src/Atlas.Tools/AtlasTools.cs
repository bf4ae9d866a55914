using Atlas.Tools.Benchmark;
using Atlas.Tools.Synthetic;
using Microsoft.Extensions.Configuration;

namespace Atlas.Tools;

/// <summary>
/// What is run beside the portal and never ships inside it: the synthetic data generator and the benchmark's raw yardstick.
/// Each verb finds the database as the app does (<see cref="Core.Data.Hosting.DatabaseLocation"/>): ConnectionStrings__Atlas,
/// else the private PostgreSQL in Atlas__LocalDatabase__Directory, started for the run and stopped after it.
/// </summary>
internal static class AtlasTools
{
    private static readonly string Usage = $"""
        Usage: dotnet run --project src/Atlas.Tools -c Release -- <verb>
          {SyntheticDataCommand.Usage}
          {RawYardstick.Usage}
        """;

    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case [SyntheticDataCommand.Verb, .. var options]:
                return await SyntheticDataCommand.RunAsync(options, new ConfigurationBuilder().AddEnvironmentVariables().Build());
            case [RawYardstick.Verb, .. var options]:
                return await RawYardstick.RunAsync(options);
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }
}
