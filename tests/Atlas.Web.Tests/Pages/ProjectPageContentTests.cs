using System.Globalization;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Pages;

/// <summary>Every project page of the demo data, checked against the base tables: totals per currency, participants once each, no negative sentence.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class ProjectPageContentTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_funding_totals_are_the_sql_sums_of_each_currency_never_added_across_currencies()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var sums = await db.Database.SqlQueryRaw<CurrencySum>("""
            SELECT f.project_id AS project_id, f.currency_code AS "Currency", sum(f.amount) AS "Amount"
            FROM fundings f JOIN projects p ON p.id = f.project_id
            WHERE f.deleted_at IS NULL AND p.deleted_at IS NULL
            GROUP BY f.project_id, f.currency_code
            """).ToListAsync(Ct);
        Assert.NotEmpty(sums);
        Assert.Contains(sums, s => s.Currency == "MAD");
        foreach (var project in sums.GroupBy(s => s.ProjectId))
        {
            var page = await fixture.App.GetDocumentAsync($"/projets/{project.Key}");
            var totals = page.QuerySelectorAll("[data-testid='funding-total']")
                .ToDictionary(t => t.GetAttribute("data-currency")!, t => decimal.Parse(t.GetAttribute("data-amount")!, CultureInfo.InvariantCulture));
            Assert.Equal(project.ToDictionary(s => s.Currency.Trim(), s => s.Amount).OrderBy(e => e.Key), totals.OrderBy(e => e.Key));
        }
    }

    [Fact]
    public async Task Every_participant_is_listed_once_and_no_page_states_what_a_project_is_not()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var parties = await db.Database.SqlQueryRaw<PartyCount>("""
            SELECT pp.project_id AS project_id, count(DISTINCT (coalesce(pp.local_authority_id, 0), coalesce(pp.organisation_id, 0)))::int AS "Count"
            FROM project_participants pp JOIN projects p ON p.id = pp.project_id
            LEFT JOIN local_authorities a ON a.id = pp.local_authority_id LEFT JOIN organisations o ON o.id = pp.organisation_id
            WHERE pp.deleted_at IS NULL AND p.deleted_at IS NULL AND (a.deleted_at IS NULL AND a.id IS NOT NULL OR o.deleted_at IS NULL AND o.id IS NOT NULL)
            GROUP BY pp.project_id
            """).ToDictionaryAsync(p => p.ProjectId, p => p.Count, Ct);
        var negatives = await db.Projects.Where(p => p.IsTriennial == false || p.EvaluationPolicy == false || p.CommunicationInFrance == false || p.CommunicationInPartnerCountry == false)
            .Select(p => p.Id).ToListAsync(Ct);
        Assert.NotEmpty(parties);
        Assert.NotEmpty(negatives);
        foreach (var id in parties.Keys.Union(negatives))
        {
            var page = await fixture.App.GetDocumentAsync($"/projets/{id}");
            var rows = page.QuerySelectorAll("[data-testid='participant']");
            Assert.Equal(parties.GetValueOrDefault(id), rows.Length);
            var names = rows.Select(r => (r.GetAttribute("data-authority-id"), r.QuerySelector("th")!.TextContent.Trim())).ToList();
            Assert.Equal(names.Count, names.Distinct().Count());
            var text = page.QuerySelector("main")!.TextContent;
            foreach (var negative in new[] { "n'est pas", "Aucune communication", "Aucune politique" })
                Assert.DoesNotContain(negative, text, StringComparison.Ordinal);
        }
    }

    private sealed record CurrencySum(int ProjectId, string Currency, decimal Amount);

    private sealed record PartyCount(int ProjectId, int Count);
}
