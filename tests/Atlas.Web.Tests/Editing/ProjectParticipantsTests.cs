using Atlas.Core.Accounts;
using Atlas.Core.Contacts;
using Atlas.Core.Editing;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Editing;

/// <summary>A project's participants and volunteers: edited as lines of its record, in Core, in the form, on a real database.</summary>
public sealed class ProjectParticipantsTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Participants_and_volunteers_are_added_changed_and_removed_with_their_history_and_search_columns()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await h.LoadProjectAsync(h.TyrProject);
        var removed = values.Participants![0];
        values.Participants.RemoveAt(0);
        values.Participants.Add(new ParticipantValues { LocalAuthorityId = h.Sale, Role = "other-partner-abroad" });
        values.Volunteers!.Add(new VolunteerValues { FirstName = "Camille", LastName = "Martin", Mission = "Médiation numérique" });

        var saved = Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.Administrator, h.TyrProject, version, values));

        await using (var db = TestDatabase.CreateContext(h.ConnectionString))
        {
            var project = await db.Projects.AsNoTracking().WithEditableLines().SingleAsync(p => p.Id == h.TyrProject, Ct);
            Assert.Contains(project.Participants, p => p.LocalAuthorityId == h.Sale && p.Role == Core.Projects.ParticipantRole.OtherPartnerAbroad);
            Assert.DoesNotContain(project.Participants, p => p.Id == removed.Id);
            Assert.Contains(h.Sale, project.AuthorityIds);
            Assert.Contains("MA", project.CountryCodes);
            var volunteer = Assert.Single(project.Volunteers);
            Assert.Equal(("Camille", "Martin"), (volunteer.FirstName, volunteer.LastName));
            Assert.NotNull((await db.ProjectParticipants.IgnoreQueryFilters().SingleAsync(p => p.Id == removed.Id, Ct)).DeletedAt);
        }
        var history = await h.HistoryAsync(h.TyrProject);
        Assert.Contains(history, r => r.EntityType == "project-participant" && r.Action == ChangeAction.Created);
        Assert.Contains(history, r => r.EntityType == "project-participant" && r.Action == ChangeAction.Deleted && r.EntityId == removed.Id.ToString());
        Assert.Contains(history, r => r.EntityType == "volunteer" && r.Action == ChangeAction.Created);

        // Left out (null), the lines stay as they are.
        var (again, _) = await h.LoadProjectAsync(h.TyrProject);
        var count = again.Participants!.Count;
        again.Participants = null;
        again.Volunteers = null;
        again.Title = "Sans toucher aux participants";
        Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.Administrator, h.TyrProject, saved.Version, again));
        Assert.Equal(count, (await h.LoadProjectAsync(h.TyrProject)).Values.Participants!.Count);
    }

    [Fact]
    public async Task A_projects_contacts_are_edited_with_it_and_a_bad_email_is_refused_beside_its_line()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await h.LoadProjectAsync(h.TyrProject);
        var kept = values.Contacts!.Count;
        values.Contacts.Add(new ContactValues { LastName = "NASR", FirstName = "Rima", Function = "Cheffe de projet", Email = "pas-une-adresse", Role = "other" });
        var invalid = Assert.IsType<EditResult.Invalid>(await h.SaveAsync(h.Administrator, h.TyrProject, version, values));
        Assert.Contains($"Contacts[{kept}].Email", invalid.Errors.Keys);

        values.Contacts[^1].Email = "rima.nasr@example.org";
        var saved = Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.Administrator, h.TyrProject, version, values));
        var (after, _) = await h.LoadProjectAsync(h.TyrProject);
        var added = Assert.Single(after.Contacts!, c => c.LastName == "NASR");
        Assert.Contains(await h.HistoryAsync(h.TyrProject), r => r.EntityType == "contact" && r.Action == ChangeAction.Created && r.EntityId == added.Id.ToString());

        after.Contacts!.RemoveAll(c => c.Id == added.Id);
        Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.Administrator, h.TyrProject, saved.Version, after));
        Assert.DoesNotContain((await h.LoadProjectAsync(h.TyrProject)).Values.Contacts!, c => c.Id == added.Id);
        Assert.Contains(await h.HistoryAsync(h.TyrProject), r => r.EntityType == "contact" && r.Action == ChangeAction.Deleted && r.EntityId == added.Id.ToString());
    }

    [Fact]
    public async Task A_participant_is_an_existing_record_in_a_known_role_and_nothing_is_saved_otherwise()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await h.LoadProjectAsync(h.TyrProject);
        var before = await Rows.SnapshotAsync(h.ConnectionString, h.TyrProject);
        values.Participants!.Add(new ParticipantValues { LocalAuthorityId = 999_999, Role = "owner" });
        values.Participants.Add(new ParticipantValues { LocalAuthorityId = h.Sale, OrganisationId = 1, Role = "owner" });
        values.Participants.Add(new ParticipantValues { LocalAuthorityId = h.Sale, Role = "chef" });
        values.Participants.Add(new ParticipantValues { Role = "owner" });
        values.Volunteers!.Add(new VolunteerValues { Mission = "Sans nom" });

        var invalid = Assert.IsType<EditResult.Invalid>(await h.SaveAsync(h.Administrator, h.TyrProject, version, values));
        var n = values.Participants.Count;
        Assert.Equal("unknown_participant_authority", invalid.Errors[$"Participants[{n - 4}].LocalAuthorityId"][0].Code);
        Assert.Equal("participant_ambiguous", invalid.Errors[$"Participants[{n - 3}].LocalAuthorityId"][0].Code);
        Assert.Equal("Ce rôle n'existe pas.", invalid.Errors[$"Participants[{n - 2}].Role"][0].Message);
        Assert.Equal("participant_required", invalid.Errors[$"Participants[{n - 1}].LocalAuthorityId"][0].Code);
        Assert.Equal("Indiquez le nom ou le prénom du volontaire.", invalid.Errors["Volunteers[0].LastName"][0].Message);
        Assert.Equal(before, await Rows.SnapshotAsync(h.ConnectionString, h.TyrProject));

        // A line of another project is refused as such.
        var (other, _) = await h.LoadProjectAsync(h.WoippySaleProject);
        var (tyr, tyrVersion) = await h.LoadProjectAsync(h.TyrProject);
        tyr.Participants!.Add(other.Participants![0]);
        var foreign = Assert.IsType<EditResult.Invalid>(await h.SaveAsync(h.Administrator, h.TyrProject, tyrVersion, tyr));
        Assert.Equal("unknown_participant", foreign.Errors[$"Participants[{tyr.Participants.Count - 1}].Id"][0].Code);
    }
}

/// <summary>The participants and volunteers of the project form: found by name among existing records, never typed freely.</summary>
public sealed class ProjectParticipantsPageTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_participant_is_found_by_part_of_its_name_and_an_unknown_or_ambiguous_name_is_refused_beside_the_field()
    {
        var admin = await fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null);
        using var browser = fixture.Browser();
        await AccountsAppFixture.SignInAsync(browser, admin);
        var id = await ProjectAsync("provence-alpes-cote-d-azur--tyr--digitalcoop");
        var form = await browser.GetAsync($"/projets/{id}/modifier");
        var newRow = form.Document.QuerySelectorAll("[data-testid^='participant-row-']").Count() - 2;

        var refused = await browser.SubmitAsync(form, new Dictionary<string, string?>
        {
            [$"ParticipantRows[{newRow}].Search"] = "Atlantide introuvable", [$"ParticipantRows[{newRow}].Role"] = "beneficiary",
            [$"ParticipantRows[{newRow + 1}].Search"] = "e", [$"ParticipantRows[{newRow + 1}].Role"] = "beneficiary",
        }, form: "[data-testid='project-edit-form']");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("Aucune collectivité ni aucun organisme ne porte ce nom.", refused.TestId($"field-error-ParticipantRows[{newRow}].Search").TextContent.Trim());
        Assert.Contains("précisez-le", refused.TestId($"field-error-ParticipantRows[{newRow + 1}].Search").TextContent, StringComparison.Ordinal);
        Assert.Equal("Atlantide introuvable", refused.Document.QuerySelector($"[name='ParticipantRows[{newRow}].Search']")!.GetAttribute("value"));

        var saved = await browser.SubmitAsync(form, new Dictionary<string, string?>
        {
            [$"ParticipantRows[{newRow}].Search"] = "Commune urbaine de Salé", [$"ParticipantRows[{newRow}].Role"] = "other-partner-abroad",
            ["VolunteerRows[0].Values.FirstName"] = "Inès", ["VolunteerRows[0].Values.LastName"] = "Haddad",
        }, form: "[data-testid='project-edit-form']");
        Assert.True($"/projets/{id}" == saved.Path, string.Join(" | ", saved.Document.QuerySelectorAll(".field-error, [data-testid='form-error']").Select(e => e.TextContent.Trim())));
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var project = await db.Projects.AsNoTracking().Include(p => p.Participants).ThenInclude(p => p.LocalAuthority).Include(p => p.Volunteers)
            .SingleAsync(p => p.Id == id, Ct);
        Assert.Contains(project.Participants, p => p.LocalAuthority?.Key == "ma-commune-sale");
        Assert.Contains(project.Volunteers, v => v.LastName == "Haddad");
    }

    [Theory]
    [InlineData("15 000,50", 15000.50)]
    [InlineData("15\u202F000,5", 15000.5)]
    [InlineData("15000.50", 15000.50)]
    [InlineData("-3", -3)]
    public void Amounts_are_read_the_french_way_or_the_international_way(string typed, double expected)
    {
        Assert.True(Atlas.Web.Pages.Shared.FrenchDecimalBinder.TryParse(typed, out var amount));
        Assert.Equal((decimal)expected, amount);
        Assert.False(Atlas.Web.Pages.Shared.FrenchDecimalBinder.TryParse("douze", out _));
        Assert.False(Atlas.Web.Pages.Shared.FrenchDecimalBinder.TryParse("1,5,0", out _));
    }

    [Fact]
    public async Task An_amount_typed_the_french_way_is_saved_and_one_in_words_is_refused_beside_its_field()
    {
        var admin = await fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null);
        using var browser = fixture.Browser();
        await AccountsAppFixture.SignInAsync(browser, admin);
        var id = await ProjectAsync("woippy--sale--developpement-social-quartiers");
        var form = await browser.GetAsync($"/projets/{id}/modifier");

        var refused = await browser.SubmitAsync(form, new Dictionary<string, string?> { ["Values.TotalCostAmount"] = "douze mille", ["Values.TotalCostCurrency"] = "EUR" },
            form: "[data-testid='project-edit-form']");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(Atlas.Web.Pages.Shared.FrenchDecimalBinder.Message, refused.TestId("field-error-Values.TotalCostAmount").TextContent.Trim());
        Assert.Equal("douze mille", refused.Document.QuerySelector("[name='Values.TotalCostAmount']")!.GetAttribute("value"));

        var saved = await browser.SubmitAsync(form, new Dictionary<string, string?> { ["Values.TotalCostAmount"] = "15 000,50", ["Values.TotalCostCurrency"] = "EUR" },
            form: "[data-testid='project-edit-form']");
        Assert.Equal($"/projets/{id}", saved.Path);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.Equal(15_000.50m, await db.Projects.Where(p => p.Id == id).Select(p => p.TotalCostAmount).SingleAsync(Ct));
    }

    [Fact]
    public async Task Through_the_API_participants_are_sent_by_id_and_role_and_a_bad_role_is_a_400_naming_the_field()
    {
        var admin = await fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null);
        using var client = fixture.App.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await Api.ProjectWriteApiTests.CreateTokenAsync(fixture, admin.Id));
        var id = await ProjectAsync("woippy--sale--developpement-social-quartiers");
        var (record, version) = await Api.ProjectWriteApiTests.EditableAsync(client, id);
        var participants = record["participants"]!.AsArray();
        Assert.NotEmpty(participants);
        Assert.All(participants, p => Assert.NotNull(p!["role"]));

        participants.Add(new System.Text.Json.Nodes.JsonObject { ["localAuthorityId"] = await AuthorityAsync("ma-commune-sale"), ["role"] = "chef" });
        using (var refused = await Api.ProjectWriteApiTests.PutAsync(client, id, record, version))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains($"participants[{participants.Count - 1}].role", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        participants[^1]!["role"] = "beneficiary";
        using var saved = await Api.ProjectWriteApiTests.PutAsync(client, id, record, version);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var (after, _) = await Api.ProjectWriteApiTests.EditableAsync(client, id);
        Assert.Equal(participants.Count, after["participants"]!.AsArray().Count);
    }

    private async Task<int> AuthorityAsync(string key)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.LocalAuthorities.Where(a => a.Key == key).Select(a => a.Id).SingleAsync(Ct);
    }

    private async Task<int> ProjectAsync(string key)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.Key == key).Select(p => p.Id).SingleAsync(Ct);
    }
}
