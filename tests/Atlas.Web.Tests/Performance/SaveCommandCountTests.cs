using System.Diagnostics;
using Atlas.Core.Figures;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Atlas.Web.Tests.Performance;

/// <summary>
/// One save of a project's edit form runs a small, fixed number of SQL commands, the stored counts kept within it
/// (CountUpkeep) included: 67 statements at scale 1 before they were cut (issue 15). Every command of the app's database
/// is counted, those its upkeep sends on the context's connection without EF (the scope, the history) too.
/// </summary>
public sealed class SaveCommandCountTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The POST's commands today (70 before issue 15's cuts): the project's row locked, the editor's scope, the authorities and
    /// organisations the values name, the project with its editable lines (6 split queries), the data version locked with
    /// the stored counts, the project's 6 counts before the save, the save's update, its history, its search columns, the 6
    /// counts after it and the stored counts' update.
    /// </summary>
    private const int MaxCommands = 27;

    [Fact]
    public async Task A_project_save_runs_a_bounded_number_of_commands_and_keeps_the_stored_counts()
    {
        var database = new NpgsqlConnectionStringBuilder(fixture.App.ConnectionString).Database!;
        int id;
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
        {
            id = await db.Projects.Where(p => p.CountryCodes.Contains("MA") && p.Fundings.Any() && p.Themes.Any())
                .OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
        }
        var (browser, _) = await fixture.SignedInAsync();
        using (browser)
        {
            // The stored counts current before the save: only then does the save keep them (and count).
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).Status);
            var form = await browser.GetAsync($"/projets/{id}/modifier");
            Assert.Equal(HttpStatusCode.OK, form.Status);

            using var commands = new CommandCounter(database);
            var saved = await browser.SubmitAsync(form, new() { ["Values.Beneficiaries"] = "Bénéficiaires comptés par le test", ["Values.Status"] = "completed" },
                followRedirects: false);
            var texts = commands.Texts;

            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
            Assert.Equal($"/projets/{id}", saved.Location!.AbsolutePath);
            Assert.True(texts.Count <= MaxCommands,
                $"{texts.Count} commands for one project save, at most {MaxCommands}:\n" + string.Join("\n", texts.Select(Line)));
        }
        await using (var check = TestDatabase.CreateContext(fixture.App.ConnectionString))
        {
            Assert.True(await check.Database.SqlQuery<bool>($"""
                SELECT coalesce(bool_and(s.data_changed_at = v.changed_at), false) AS "Value"
                FROM aggregate_snapshots s CROSS JOIN data_versions v WHERE s.key = {CountSnapshots.Key}
                """).SingleAsync(Ct), "The save should have kept the stored counts current.");
        }
    }

    /// <summary>A command's text on one line, cut: what the failure lists.</summary>
    private static string Line(string text)
    {
        var line = string.Join(' ', text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 160 ? line : line[..160] + "…";
    }

    /// <summary>Every command Npgsql runs on one database while it lives (Npgsql's activities: EF's and the raw ones alike).</summary>
    private sealed class CommandCounter : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly List<string> _texts = [];

        public CommandCounter(string database)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    // The rate limiter's flush runs beside the request, on its own connection (and opens it).
                    if (activity.GetTagItem("db.namespace") as string != database || activity.DisplayName.StartsWith("CONNECT", StringComparison.Ordinal)
                        || (activity.GetTagItem("db.query.text") as string)?.Contains("api_rate_windows", StringComparison.Ordinal) == true) return;
                    lock (_texts) _texts.Add(activity.GetTagItem("db.query.text") as string ?? activity.DisplayName);
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<string> Texts
        {
            get { lock (_texts) return [.. _texts]; }
        }

        public void Dispose() => _listener.Dispose();
    }
}
