using System.Collections.Concurrent;
using Atlas.Core.Accounts;
using Atlas.Core.Freshness;
using Atlas.Core.Mail;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Atlas.Web.Tests.Workspace;

/// <summary>
/// The monthly reminder of records to confirm, on a fake clock: to each correspondent and authority editor whose scope holds
/// stale records (found in SQL over the base tables), once a month for the whole cluster, again the next month.
/// </summary>
public sealed class FreshnessReminderTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string SpaceUrl = "https://atlas.example.org/espace";

    // Accounts told, as SQL: enabled correspondents and authority editors with a record of their scope never confirmed, or
    // confirmed more than 24 months before the fake clock's now (@now).
    private const string ExpectedRecipients = """
        SELECT u.email FROM users u
        WHERE NOT u.is_disabled AND u.email IS NOT NULL AND (
            (u.role = 'correspondent' AND (
                EXISTS (SELECT 1 FROM projects p WHERE p.deleted_at IS NULL AND (p.confirmed_at IS NULL OR p.confirmed_at < @stale)
                    AND p.country_codes && ARRAY(SELECT country_code::text FROM diplomatic_post_countries WHERE diplomatic_post_id = u.diplomatic_post_id))
                OR EXISTS (SELECT 1 FROM partnerships p JOIN partnership_authorities pa ON pa.partnership_id = p.id
                    JOIN local_authorities a ON a.id = pa.local_authority_id
                    WHERE p.deleted_at IS NULL AND (p.confirmed_at IS NULL OR p.confirmed_at < @stale)
                    AND a.country_code IN (SELECT country_code FROM diplomatic_post_countries WHERE diplomatic_post_id = u.diplomatic_post_id))))
            OR (u.role = 'authority-editor' AND (
                EXISTS (SELECT 1 FROM projects p WHERE p.deleted_at IS NULL AND (p.confirmed_at IS NULL OR p.confirmed_at < @stale)
                    AND u.local_authority_id = ANY (p.authority_ids))
                OR EXISTS (SELECT 1 FROM partnerships p JOIN partnership_authorities pa ON pa.partnership_id = p.id
                    WHERE p.deleted_at IS NULL AND (p.confirmed_at IS NULL OR p.confirmed_at < @stale) AND pa.local_authority_id = u.local_authority_id))))
        """;

    [Fact]
    public async Task The_reminder_goes_once_a_month_to_the_editors_with_stale_records_even_from_two_instances_at_once()
    {
        var rabat = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        var woippy = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy");
        var admin = await fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null);
        var disabled = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat", change: u => u.IsDisabled = true);

        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 15, 6, 0, 0, TimeSpan.Zero));
        var mail = new CapturedMail();
        var expected = await ExpectedAsync(clock.GetUtcNow().AddMonths(-24));
        Assert.Contains(rabat.Email, expected);
        Assert.Contains(woippy.Email, expected);

        // Two instances look at once: one sends, the other finds it sent or being sent.
        var results = await Task.WhenAll(SendAsync(clock, mail), SendAsync(clock, mail));
        Assert.Equal([expected.Count], results.OfType<int>());
        Assert.Single(results, r => r is null);
        Assert.Equal(expected.Order(StringComparer.Ordinal), mail.Sent.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(mail.Sent, m => m.ToAddress == admin.Email || m.ToAddress == disabled.Email);

        var toRabat = Assert.Single(mail.Sent, m => m.ToAddress == rabat.Email);
        Assert.Equal(FreshnessReminders.Kind, toRabat.Kind);
        Assert.Equal(SpaceUrl + "?fraicheur=anciennes", toRabat.Link);
        var staleInRabat = await StaleCountAsync(rabat, clock.GetUtcNow().AddMonths(-24));
        Assert.True(staleInRabat > 1);
        Assert.StartsWith($"{staleInRabat} fiches de votre périmètre (projets et partenariats) n’ont pas été confirmées depuis plus de deux ans.", toRabat.Text, StringComparison.Ordinal);

        // Later the same month: nothing more.
        clock.Advance(TimeSpan.FromDays(10));
        Assert.Null(await SendAsync(clock, mail));
        Assert.Equal(expected.Count, mail.Sent.Count);
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
            Assert.Equal(expected.Count, (await db.FreshnessReminders.SingleAsync(r => r.Month == new DateOnly(2027, 3, 1), Ct)).Recipients);

        // The next month, again.
        clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(4, clock.GetUtcNow().Month);
        Assert.Equal(expected.Count, await SendAsync(clock, mail));
        Assert.Equal(2 * expected.Count, mail.Sent.Count);
    }

    private async Task<int?> SendAsync(FakeTimeProvider clock, CapturedMail mail)
    {
        // An instance of its own: its own scope, context and connection.
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var rule = ActivatorUtilities.CreateInstance<FreshnessRule>(services, clock);
        var reminders = ActivatorUtilities.CreateInstance<FreshnessReminders>(services, rule, (IOutgoingMail)mail, (TimeProvider)clock);
        return await reminders.SendDueAsync(SpaceUrl, Ct);
    }

    private async Task<List<string>> ExpectedAsync(DateTimeOffset staleBefore)
    {
        await using var conn = new Npgsql.NpgsqlConnection(fixture.App.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new Npgsql.NpgsqlCommand(ExpectedRecipients, conn);
        cmd.Parameters.AddWithValue("stale", staleBefore);
        var emails = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) emails.Add(reader.GetString(0));
        return emails;
    }

    private async Task<int> StaleCountAsync(TestAccount rabat, DateTimeOffset staleBefore)
    {
        await using var conn = new Npgsql.NpgsqlConnection(fixture.App.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new Npgsql.NpgsqlCommand("""
            SELECT (SELECT count(*) FROM projects p WHERE p.deleted_at IS NULL AND (p.confirmed_at IS NULL OR p.confirmed_at < @stale)
                    AND p.country_codes && ARRAY(SELECT country_code::text FROM diplomatic_post_countries WHERE diplomatic_post_id = u.diplomatic_post_id))
                 + (SELECT count(DISTINCT p.id) FROM partnerships p JOIN partnership_authorities pa ON pa.partnership_id = p.id
                    JOIN local_authorities a ON a.id = pa.local_authority_id
                    WHERE p.deleted_at IS NULL AND (p.confirmed_at IS NULL OR p.confirmed_at < @stale)
                    AND a.country_code IN (SELECT country_code FROM diplomatic_post_countries WHERE diplomatic_post_id = u.diplomatic_post_id))
            FROM users u WHERE u.id = @id
            """, conn);
        cmd.Parameters.AddWithValue("stale", staleBefore);
        cmd.Parameters.AddWithValue("id", rabat.Id);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class CapturedMail : IOutgoingMail
    {
        private readonly ConcurrentQueue<OutgoingMail> _sent = new();
        public IReadOnlyList<OutgoingMail> Sent => _sent.ToList();

        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            _sent.Enqueue(mail);
            return Task.CompletedTask;
        }
    }
}
