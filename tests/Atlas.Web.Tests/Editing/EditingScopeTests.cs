using Atlas.Core.Editing;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Editing;

/// <summary>Who may edit what: the scope of each role on the demo records, per record and as lists.</summary>
public sealed class EditingScopeTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void AssertMatrix(IEnumerable<(string Editor, string Record, bool Expected, bool Actual)> answers)
    {
        var wrong = answers.Where(a => a.Expected != a.Actual).Select(a => $"{a.Editor} × {a.Record}: expected {a.Expected}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Each_role_edits_the_projects_of_its_scope()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var expected = new (Editor Editor, int Project, string Name, bool May)[]
        {
            (h.Administrator, h.MoroccanProject, "Moroccan project", true),
            (h.Administrator, h.TyrProject, "Tyr project", true),
            (h.Administrator, h.WoippySaleProject, "Woippy–Salé project", true),
            (h.RabatCorrespondent, h.MoroccanProject, "Moroccan project", true),
            (h.RabatCorrespondent, h.TyrProject, "Tyr project", false),
            (h.RabatCorrespondent, h.WoippySaleProject, "Woippy–Salé project", true),
            (h.BeirutCorrespondent, h.MoroccanProject, "Moroccan project", false),
            (h.BeirutCorrespondent, h.TyrProject, "Tyr project", true),
            (h.BeirutCorrespondent, h.WoippySaleProject, "Woippy–Salé project", false),
            (h.WoippyEditor, h.MoroccanProject, "Moroccan project", false),
            (h.WoippyEditor, h.TyrProject, "Tyr project", false),
            (h.WoippyEditor, h.WoippySaleProject, "Woippy–Salé project", true),
        };
        var answers = new List<(string, string, bool, bool)>();
        foreach (var (editor, project, name, may) in expected)
        {
            var answer = await h.WithAsync(sp => sp.GetRequiredService<EditingScope>().MayEditProjectAsync(editor, project, Ct));
            var fundings = await h.WithAsync(async sp =>
            {
                var scope = sp.GetRequiredService<EditingScope>();
                var ids = await sp.GetRequiredService<Atlas.Core.Data.AtlasDbContext>().Fundings.Where(f => f.ProjectId == project).Select(f => f.Id).ToListAsync(Ct);
                var answers = new List<bool>();
                foreach (var id in ids) answers.Add(await scope.MayEditFundingAsync(editor, id, Ct));
                return answers;
            });
            answers.Add((editor.Name, name, may, answer));
            answers.AddRange(fundings.Select(f => (editor.Name, name + "'s funding line", may, f)));
        }
        AssertMatrix(answers);
    }

    [Fact]
    public async Task Each_role_edits_the_partnerships_authorities_and_posts_of_its_scope()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var answers = new List<(string, string, bool, bool)>();
        async Task Check(Editor editor, string record, bool expected, Func<EditingScope, Task<bool>> ask) =>
            answers.Add((editor.Name, record, expected, await h.WithAsync(sp => ask(sp.GetRequiredService<EditingScope>()))));

        foreach (var (editor, tyr, woippySale, woippy, sale, tyrAuthority, rabat, beirut) in new[]
                 {
                     (h.Administrator, true, true, true, true, true, true, true),
                     (h.RabatCorrespondent, false, true, false, true, false, true, false),
                     (h.BeirutCorrespondent, true, false, false, false, true, false, true),
                     (h.WoippyEditor, false, true, true, false, false, false, false),
                 })
        {
            await Check(editor, "Tyr partnership", tyr, s => s.MayEditPartnershipAsync(editor, h.TyrPartnership, Ct));
            await Check(editor, "Woippy–Salé partnership", woippySale, s => s.MayEditPartnershipAsync(editor, h.WoippySalePartnership, Ct));
            await Check(editor, "a project in the Tyr partnership", tyr, s => s.MayCreateProjectInAsync(editor, h.TyrPartnership, Ct));
            await Check(editor, "a project in the Woippy–Salé partnership", woippySale, s => s.MayCreateProjectInAsync(editor, h.WoippySalePartnership, Ct));
            await Check(editor, "Woippy", woippy, s => s.MayEditAuthorityAsync(editor, h.Woippy, Ct));
            await Check(editor, "Salé", sale, s => s.MayEditAuthorityAsync(editor, h.Sale, Ct));
            await Check(editor, "Tyr", tyrAuthority, s => s.MayEditAuthorityAsync(editor, h.Tyr, Ct));
            await Check(editor, "Rabat post", rabat, s => s.MayEditDiplomaticPostAsync(editor, h.RabatPost, Ct));
            await Check(editor, "Beirut post", beirut, s => s.MayEditDiplomaticPostAsync(editor, h.BeirutPost, Ct));
        }

        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        foreach (var contact in await db.Contacts.Where(c => c.DiplomaticPostId == h.RabatPost).Select(c => c.Id).ToListAsync(Ct))
        {
            await Check(h.Administrator, "Rabat post contact", true, s => s.MayEditContactAsync(h.Administrator, contact, Ct));
            await Check(h.RabatCorrespondent, "Rabat post contact", true, s => s.MayEditContactAsync(h.RabatCorrespondent, contact, Ct));
            await Check(h.BeirutCorrespondent, "Rabat post contact", false, s => s.MayEditContactAsync(h.BeirutCorrespondent, contact, Ct));
            await Check(h.WoippyEditor, "Rabat post contact", false, s => s.MayEditContactAsync(h.WoippyEditor, contact, Ct));
        }
        var organisation = await db.Organisations.Select(o => o.Id).FirstAsync(Ct);
        await Check(h.Administrator, "an organisation", true, s => s.MayEditOrganisationAsync(h.Administrator, organisation, Ct));
        await Check(h.RabatCorrespondent, "an organisation", false, s => s.MayEditOrganisationAsync(h.RabatCorrespondent, organisation, Ct));
        AssertMatrix(answers);
    }

    [Fact]
    public async Task The_records_I_may_edit_are_those_each_record_says_I_may()
    {
        await using var h = await EditingHarness.StartAsync(database);
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        var projects = await db.Projects.Select(p => p.Id).ToListAsync(Ct);
        var partnerships = await db.Partnerships.Select(p => p.Id).ToListAsync(Ct);
        var authorities = await db.LocalAuthorities.Select(a => a.Id).ToListAsync(Ct);
        var contacts = await db.Contacts.Select(c => c.Id).ToListAsync(Ct);
        var fundings = await db.Fundings.Select(f => f.Id).ToListAsync(Ct);

        foreach (var editor in h.Editors)
        {
            await h.WithAsync(async sp =>
            {
                var scope = sp.GetRequiredService<EditingScope>();
                await AssertSameAsync(editor, "projects", scope.Projects(editor).Select(p => p.Id), projects, id => scope.MayEditProjectAsync(editor, id, Ct));
                await AssertSameAsync(editor, "partnerships", scope.Partnerships(editor).Select(p => p.Id), partnerships, id => scope.MayEditPartnershipAsync(editor, id, Ct));
                await AssertSameAsync(editor, "authorities", scope.Authorities(editor).Select(a => a.Id), authorities, id => scope.MayEditAuthorityAsync(editor, id, Ct));
                await AssertSameAsync(editor, "contacts", scope.Contacts(editor).Select(c => c.Id), contacts, id => scope.MayEditContactAsync(editor, id, Ct));
                await AssertSameAsync(editor, "fundings", scope.Fundings(editor).Select(f => f.Id), fundings, id => scope.MayEditFundingAsync(editor, id, Ct));
                return 0;
            });
        }

        // The lists are the scopes described, not everything or nothing; the Moroccan projects as the base tables say.
        var moroccan = (await ProjectFacts.LoadAsync(db)).Projects.Count(p => p.Countries.Contains("MA"));
        var counts = await h.WithAsync(async sp =>
        {
            var scope = sp.GetRequiredService<EditingScope>();
            return (
                All: await scope.Projects(h.Administrator).CountAsync(Ct),
                Rabat: await scope.Projects(h.RabatCorrespondent).CountAsync(Ct),
                Beirut: await scope.Projects(h.BeirutCorrespondent).CountAsync(Ct),
                Woippy: await scope.Projects(h.WoippyEditor).CountAsync(Ct));
        });
        Assert.Equal(projects.Count, counts.All);
        Assert.Equal(moroccan, counts.Rabat);
        Assert.InRange(counts.Rabat, 2, counts.All - 1);
        Assert.InRange(counts.Beirut, 1, counts.Rabat - 1);
        Assert.InRange(counts.Woippy, 1, counts.Rabat - 1);
    }

    private static async Task AssertSameAsync(Editor editor, string what, IQueryable<int> list, List<int> all, Func<int, Task<bool>> may)
    {
        var listed = (await list.ToListAsync(Ct)).Order().ToList();
        var one = new List<int>();
        foreach (var id in all)
        {
            if (await may(id)) one.Add(id);
        }
        Assert.True(listed.SequenceEqual(one.Order()), $"{editor.Name}, {what}: list [{string.Join(",", listed)}] vs per record [{string.Join(",", one.Order())}]");
    }
}
