using System.Globalization;
using Atlas.Core.Data;
using Atlas.Core.Data.Hosting;
using Atlas.Core.Data.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Atlas.Tools.Synthetic;

/// <summary>
/// <c>generate --scale N [--seed S] [--force]</c>: fills the configured database (or the private local one, found as the
/// portal finds it) with synthetic records, then exits. Progress goes to stderr, the summary to stdout.
/// </summary>
internal static class SyntheticDataCommand
{
    public const string Verb = "generate";
    public const string Usage = "generate --scale N [--seed S] [--force]   (scale 1 ≈ 12,700 projects; scale 100 ≈ 1.27 million)";

    /// <summary>The verb's exit code: 0 done, 2 a bad command line, 3 refused (real records), 130 cancelled.</summary>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration)
    {
        if (SyntheticOptions.Parse(args) is not { } options)
        {
            await Console.Error.WriteLineAsync("Usage: " + Usage);
            return 2;
        }

        using var loggerFactory = ToolLogging.CreateFactory();
        var logger = loggerFactory.CreateLogger("Atlas.Generate");
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += onCancel;

        var (connectionString, local) = await DatabaseLocation.ResolveAsync(configuration, logger, cancel.Token);
        try
        {
            await SchemaMigrator.MigrateAsync(connectionString, logger, cancel.Token);
            await using (var db = AtlasDbContext.Open(connectionString))
            {
                await new DemoDataLoader(db, loggerFactory.CreateLogger<DemoDataLoader>()).LoadAsync(includeDemo: false, cancel.Token);
            }

            var bar = new ProgressBar(Console.Error);
            var counts = await new SyntheticAtlas(connectionString).GenerateAsync(options, bar, cancel.Token);
            bar.Finish();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Generated scale {options.Scale} (seed {options.Seed}) in {counts.Elapsed.TotalSeconds:F1} s: {counts.Projects:N0} projects, " +
                $"{counts.Partnerships:N0} partnerships, {counts.FrenchAuthorities:N0} French and {counts.ForeignAuthorities:N0} foreign authorities " +
                $"in {counts.Countries} countries, {counts.Organisations:N0} organisations, {counts.Participants:N0} participants, " +
                $"{counts.Fundings:N0} funding lines, {counts.ProjectThemes:N0} project themes, {counts.Contacts:N0} contacts."));
            return 0;
        }
        catch (SyntheticDataRefusedException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 3;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled: the database was left as it was (the load runs in one transaction).");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            if (local is not null) await local.DisposeAsync();
        }
    }

    /// <summary>One line per step, redrawn in place on a terminal; one line per finished step when stderr is a file.</summary>
    private sealed class ProgressBar(TextWriter output) : IProgress<SyntheticProgress>
    {
        private const int Width = 30;
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private readonly bool _terminal = !Console.IsErrorRedirected;
        private string? _step;
        private TimeSpan _lastDraw;

        public void Report(SyntheticProgress value)
        {
            var finished = value.Total > 0 && value.Done >= value.Total;
            if (value.Step != _step)
            {
                if (_step is not null && _terminal) output.WriteLine();
                _step = value.Step;
            }
            else if (!finished && _clock.Elapsed - _lastDraw < TimeSpan.FromMilliseconds(100)) return;
            _lastDraw = _clock.Elapsed;
            if (!_terminal && !finished) return;

            var fraction = value.Total <= 0 ? 1 : Math.Clamp((double)value.Done / value.Total, 0, 1);
            var filled = (int)Math.Round(fraction * Width);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{value.Step,-24} [{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {value.Done,12:N0}  {_clock.Elapsed:mm\\:ss}");
            if (_terminal) output.Write("\r" + line);
            else output.WriteLine(line);
        }

        public void Finish()
        {
            if (_terminal && _step is not null) output.WriteLine();
        }
    }
}
