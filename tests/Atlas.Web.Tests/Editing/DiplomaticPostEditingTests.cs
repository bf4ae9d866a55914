using System.Globalization;
using Atlas.Core.Authorities;
using Atlas.Core.Contacts;
using Atlas.Core.DiplomaticPosts;
using Atlas.Core.Editing;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Editing;

/// <summary>Editing a diplomatic post and its contacts, and an authority's contacts: scope, rules, history, conflicts, on a real database.</summary>
public sealed class DiplomaticPostEditingTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string ContactType = RecordedTypes.NameOf<Contact>();

    [Fact]
    public async Task A_correspondent_adds_changes_and_removes_their_posts_contacts_each_in_the_history()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await LoadPostAsync(h, h.RabatPost);
        Assert.Equal(2, values.Contacts!.Count);
        var correspondent = values.Contacts![0];
        var removed = values.Contacts![1];
        var oldEmail = correspondent.Email;
        values.City = "  Rabat-Agdal ";
        correspondent.Email = "correspondant.rabat@diplomatie.gouv.fr";
        values.Contacts!.Remove(removed);
        values.Contacts!.Insert(0, new ContactValues { LastName = "NOUVELLE", FirstName = "Nadia", Function = "Attachée de coopération", Phone = "+212 5 37 68 97 00", Role = "other" });

        var saved = Assert.IsType<EditResult.Saved>(await SavePostAsync(h, h.RabatCorrespondent, h.RabatPost, version, values));
        Assert.NotEqual(version, saved.Version);

        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        var post = await db.DiplomaticPosts.AsNoTracking().Include(p => p.Contacts).SingleAsync(p => p.Id == h.RabatPost, Ct);
        Assert.Equal("Rabat-Agdal", post.City);
        Assert.Equal(["NOUVELLE", "BOUIN"], post.Contacts!.OrderBy(c => c.SortOrder).Select(c => c.LastName));
        Assert.Equal([0, 1], post.Contacts!.OrderBy(c => c.SortOrder).Select(c => c.SortOrder));
        Assert.DoesNotContain(post.Contacts, c => c.Id == removed.Id);
        var added = post.Contacts!.Single(c => c.LastName == "NOUVELLE");
        Assert.Equal((ContactRole.Other, "+212 5 37 68 97 00"), (added.Role, added.Phone));

        var history = await db.ChangeRecords.AsNoTracking().Where(r => r.EntityType == ContactType).ToListAsync(Ct);
        var created = Assert.Single(history, r => r.EntityId == Id(added.Id));
        Assert.Equal((ChangeAction.Created, "Rachid Rabat"), (created.Action, created.UserName));
        Assert.Contains(created.Changes, c => c.Field == "diplomaticPostId" && c.New == Id(h.RabatPost));
        var changed = Assert.Single(history, r => r.EntityId == Id(correspondent.Id!.Value));
        Assert.Equal(ChangeAction.Updated, changed.Action);
        Assert.Contains(changed.Changes, c => c.Field == "email" && c.Old == oldEmail && c.New == "correspondant.rabat@diplomatie.gouv.fr");
        var deleted = Assert.Single(history, r => r.EntityId == Id(removed.Id!.Value));
        Assert.Equal(ChangeAction.Deleted, deleted.Action);
        // Deleted softly: the contact keeps its values, hidden, for an administrator to restore.
        Assert.Equal("deletedAt", Assert.Single(deleted.Changes).Field);
        Assert.Equal("COMMELIN", await db.Contacts.IgnoreQueryFilters().Where(c => c.Id == removed.Id).Select(c => c.LastName).SingleAsync(Ct));
        var own = Assert.Single(await db.ChangeRecords.AsNoTracking().Where(r => r.EntityType == "diplomatic-post").ToListAsync(Ct));
        Assert.Contains(own.Changes, c => c.Field == "city" && c.Old == "Rabat" && c.New == "Rabat-Agdal");
    }

    [Fact]
    public async Task A_correspondent_edits_their_own_post_only_and_an_authority_editor_none()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (beirut, beirutVersion) = await LoadPostAsync(h, h.BeirutPost);
        var before = await SnapshotAsync(h, h.BeirutPost);
        beirut.Name = "Détourné";
        beirut.Contacts![0].Email = "detourne@example.org";
        Assert.IsType<EditResult.Forbidden>(await SavePostAsync(h, h.RabatCorrespondent, h.BeirutPost, beirutVersion, beirut));
        Assert.IsType<EditResult.Forbidden>(await SavePostAsync(h, h.WoippyEditor, h.BeirutPost, beirutVersion, beirut));
        var (rabat, rabatVersion) = await LoadPostAsync(h, h.RabatPost);
        var rabatBefore = await SnapshotAsync(h, h.RabatPost);
        rabat.City = "Détournée";
        Assert.IsType<EditResult.Forbidden>(await SavePostAsync(h, h.WoippyEditor, h.RabatPost, rabatVersion, rabat));
        Assert.Equal(before, await SnapshotAsync(h, h.BeirutPost));
        Assert.Equal(rabatBefore, await SnapshotAsync(h, h.RabatPost));
        Assert.IsType<EditResult.NotFound>(await SavePostAsync(h, h.Administrator, int.MaxValue, beirutVersion, beirut));

        Assert.IsType<EditResult.Saved>(await SavePostAsync(h, h.BeirutCorrespondent, h.BeirutPost, beirutVersion, beirut));
        (beirut, beirutVersion) = await LoadPostAsync(h, h.BeirutPost);
        beirut.City = "Beyrouth (Achrafieh)";
        Assert.IsType<EditResult.Saved>(await SavePostAsync(h, h.Administrator, h.BeirutPost, beirutVersion, beirut));
    }

    [Fact]
    public async Task Only_an_administrator_changes_the_countries_a_post_covers_and_the_correspondents_scope_follows()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await LoadPostAsync(h, h.RabatPost);
        values.Countries = ["MA", "MR"];
        var refused = Assert.IsType<EditResult.Invalid>(await SavePostAsync(h, h.RabatCorrespondent, h.RabatPost, version, values));
        Assert.Equal("countries_administrator_only", Assert.Single(refused.Errors["Countries"]).Code);
        // The same countries, as a correspondent's full record would carry them, are no change.
        values.Countries = [" ma "];
        values.City = "Rabat (Souissi)";
        Assert.IsType<EditResult.Saved>(await SavePostAsync(h, h.RabatCorrespondent, h.RabatPost, version, values));

        (values, version) = await LoadPostAsync(h, h.RabatPost);
        values.Countries = ["MA", "LB", "XX", "MA"];
        var invalid = Assert.IsType<EditResult.Invalid>(await SavePostAsync(h, h.Administrator, h.RabatPost, version, values));
        Assert.Equal("duplicate_country", Assert.Single(invalid.Errors["Countries"]).Code);
        Assert.Equal("Ce pays est déjà couvert par un autre poste : Ambassade de France à Beyrouth.", Assert.Single(invalid.Errors["Countries[1]"]).Message);
        Assert.Equal("unknown_country", Assert.Single(invalid.Errors["Countries[2]"]).Code);
        values.Countries = [];
        invalid = Assert.IsType<EditResult.Invalid>(await SavePostAsync(h, h.Administrator, h.RabatPost, version, values));
        Assert.Equal("Indiquez au moins un pays couvert par le poste.", Assert.Single(invalid.Errors["Countries"]).Message);

        var mauritanian = await h.WithAsync(sp => sp.GetRequiredService<EditingScope>().Authorities(h.RabatCorrespondent)
            .CountAsync(a => a.CountryCode == "MR", Ct));
        Assert.Equal(0, mauritanian);
        values.Countries = ["ma", "mr"];
        Assert.IsType<EditResult.Saved>(await SavePostAsync(h, h.Administrator, h.RabatPost, version, values));
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        Assert.Equal(["MA", "MR"], await db.DiplomaticPostCountries.Where(c => c.DiplomaticPostId == h.RabatPost).Select(c => c.CountryCode).Order().ToListAsync(Ct));
        Assert.Contains(await db.ChangeRecords.AsNoTracking().ToListAsync(Ct),
            r => r.EntityType == "diplomatic-post-country" && r.EntityId == $"{h.RabatPost}/MR" && r.Action == ChangeAction.Created);
        var mauritanianAuthorities = await db.LocalAuthorities.CountAsync(a => a.CountryCode == "MR", Ct);
        Assert.Equal(mauritanianAuthorities, await h.WithAsync(sp => sp.GetRequiredService<EditingScope>().Authorities(h.RabatCorrespondent)
            .CountAsync(a => a.CountryCode == "MR", Ct)));
    }

    [Fact]
    public async Task A_country_another_post_takes_during_the_save_is_refused_beside_the_countries_not_a_500()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await LoadPostAsync(h, h.RabatPost);
        values.Countries = ["MA", "MR"];

        // Another save gives Mauritania to the Beirut post and has not committed yet: the check cannot see it.
        await using var other = new Npgsql.NpgsqlConnection(h.ConnectionString);
        await other.OpenAsync(Ct);
        await using var transaction = await other.BeginTransactionAsync(Ct);
        await using (var insert = new Npgsql.NpgsqlCommand("INSERT INTO diplomatic_post_countries (diplomatic_post_id, country_code) VALUES (@post, 'MR')", other, transaction))
        {
            insert.Parameters.AddWithValue("post", h.BeirutPost);
            await insert.ExecuteNonQueryAsync(Ct);
        }
        var save = SavePostAsync(h, h.Administrator, h.RabatPost, version, values);
        await WaitForLockWaitAsync(h.ConnectionString);
        await transaction.CommitAsync(Ct);

        var invalid = Assert.IsType<EditResult.Invalid>(await save);
        Assert.Equal("country_taken", Assert.Single(invalid.Errors["Countries"]).Code);
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        Assert.Equal(["MA"], await db.DiplomaticPostCountries.Where(c => c.DiplomaticPostId == h.RabatPost).Select(c => c.CountryCode).ToListAsync(Ct));
    }

    /// <summary>Until a session of this test's database waits for a lock (the save's insert, behind the other transaction's).</summary>
    private static async Task WaitForLockWaitAsync(string connectionString)
    {
        await using var conn = new Npgsql.NpgsqlConnection(connectionString);
        await conn.OpenAsync(Ct);
        for (var i = 0; i < 600; i++)
        {
            await using var cmd = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", conn);
            if ((long)(await cmd.ExecuteScalarAsync(Ct))! > 0) return;
            await Task.Delay(50, Ct);
        }
        Assert.Fail("The save never waited for the other transaction.");
    }

    [Fact]
    public async Task Contact_rules_are_told_line_by_line_in_French_with_English_texts()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await LoadPostAsync(h, h.RabatPost);
        var (beirut, _) = await LoadPostAsync(h, h.BeirutPost);
        var before = await SnapshotAsync(h, h.RabatPost);
        values.Name = " ";
        values.Contacts![0].Email = "frederick.coopdec[at]gmail.com";
        values.Contacts![1].Phone = "appelez-moi";
        values.Contacts!.Add(new ContactValues { Function = " ", Role = "ambassadeur" });

        var invalid = Assert.IsType<EditResult.Invalid>(await SavePostAsync(h, h.RabatCorrespondent, h.RabatPost, version, values));
        Assert.Equal("Indiquez le nom du poste diplomatique.", Assert.Single(invalid.Errors["Name"]).Message);
        Assert.Equal("Indiquez une adresse électronique complète, par exemple prenom.nom@exemple.fr.", Assert.Single(invalid.Errors["Contacts[0].Email"]).Message);
        Assert.Equal("invalid_phone", Assert.Single(invalid.Errors["Contacts[1].Phone"]).Code);
        Assert.Equal("contact_name_required", Assert.Single(invalid.Errors["Contacts[2].LastName"]).Code);
        Assert.Equal("unknown_contact_role", Assert.Single(invalid.Errors["Contacts[2].Role"]).Code);
        Assert.All(invalid.Errors.Values.SelectMany(e => e), e => Assert.NotEqual(e.Code, e.English));

        // A line may only name one of the post's own contacts, and each once.
        (values, _) = await LoadPostAsync(h, h.RabatPost);
        values.Contacts!.Add(beirut.Contacts![0]);
        var foreign = Assert.IsType<EditResult.Invalid>(await SavePostAsync(h, h.RabatCorrespondent, h.RabatPost, version, values));
        Assert.Equal("unknown_contact", Assert.Single(foreign.Errors["Contacts[2].Id"]).Code);
        (values, _) = await LoadPostAsync(h, h.RabatPost);
        values.Contacts!.Add(values.Contacts![0]);
        var twice = Assert.IsType<EditResult.Invalid>(await SavePostAsync(h, h.RabatCorrespondent, h.RabatPost, version, values));
        Assert.Equal("duplicate_contact", Assert.Single(twice.Errors["Contacts"]).Code);
        Assert.Equal(before, await SnapshotAsync(h, h.RabatPost));
    }

    [Fact]
    public async Task Two_saves_of_one_version_give_a_conflict_naming_the_contact_changed()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (first, version) = await LoadPostAsync(h, h.RabatPost);
        var (second, _) = await LoadPostAsync(h, h.RabatPost);
        first.Contacts![1].Email = "cocac.rabat@diplomatie.gouv.fr";
        first.Contacts!.Add(new ContactValues { LastName = "AJOUTÉ", Role = "other" });
        second.City = "Salé";

        Assert.IsType<EditResult.Saved>(await SavePostAsync(h, h.RabatCorrespondent, h.RabatPost, version, first));
        var before = await SnapshotAsync(h, h.RabatPost);
        var conflict = Assert.IsType<EditResult.Conflict>(await SavePostAsync(h, h.Administrator, h.RabatPost, version, second));
        Assert.Contains($"contact/{second.Contacts![1].Id}.email", conflict.Fields);
        Assert.Contains(conflict.Changes, c => c.EntityType == ContactType && c.Action == ChangeAction.Created && c.UserName == "Rachid Rabat");
        Assert.Equal(before, await SnapshotAsync(h, h.RabatPost));

        // A contact someone else removed since is a conflict too, not a foreign line.
        var (remover, current) = await LoadPostAsync(h, h.RabatPost);
        var (stale, _) = await LoadPostAsync(h, h.RabatPost);
        var gone = remover.Contacts![0].Id!.Value;
        remover.Contacts.RemoveAt(0);
        Assert.IsType<EditResult.Saved>(await SavePostAsync(h, h.Administrator, h.RabatPost, current, remover));
        stale.Contacts![0].Phone = "01 23 45 67 89";
        var removedSince = Assert.IsType<EditResult.Conflict>(await SavePostAsync(h, h.RabatCorrespondent, h.RabatPost, current, stale));
        Assert.Contains(removedSince.Changes, c => c.EntityId == Id(gone) && c.Action == ChangeAction.Deleted && c.UserName == "Ada Admin");
    }

    [Fact]
    public async Task An_authority_editor_edits_their_authoritys_contacts_and_a_stale_save_is_told_what_changed()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await LoadAuthorityAsync(h, h.Woippy);
        var kept = values.Contacts!.Count;
        values.Contacts!.Add(new ContactValues { LastName = "DURAND", FirstName = "Lucie", Function = "Chargée des relations internationales", Email = "l.durand@woippy.fr" });
        var saved = Assert.IsType<EditResult.Saved>(await SaveAuthorityAsync(h, h.WoippyEditor, h.Woippy, version, values));

        var (reloaded, current) = await LoadAuthorityAsync(h, h.Woippy);
        Assert.Equal(saved.Version, current);
        var added = Assert.Single(reloaded.Contacts!, c => c.LastName == "DURAND");
        Assert.Equal(("l.durand@woippy.fr", "other"), (added.Email, added.Role));
        Assert.Equal(kept + 1, reloaded.Contacts!.Count);

        // From the version before: the stale save changes nothing and is shown the contact added.
        values.Contacts!.RemoveAt(values.Contacts!.Count - 1);
        values.LeaderName = "Quelqu'un d'autre";
        var conflict = Assert.IsType<EditResult.Conflict>(await SaveAuthorityAsync(h, h.Administrator, h.Woippy, version, values));
        Assert.Contains(conflict.Changes, c => c.EntityType == ContactType && c.EntityId == Id(added.Id!.Value) && c.Action == ChangeAction.Created);

        var (sale, saleVersion) = await LoadAuthorityAsync(h, h.Sale);
        sale.Contacts!.Add(new ContactValues { LastName = "HORS", Role = "other" });
        Assert.IsType<EditResult.Forbidden>(await SaveAuthorityAsync(h, h.WoippyEditor, h.Sale, saleVersion, sale));
        // A line naming another authority's contact is refused.
        (values, version) = await LoadAuthorityAsync(h, h.Woippy);
        var (beirut, _) = await LoadPostAsync(h, h.BeirutPost);
        values.Contacts!.Add(beirut.Contacts![0]);
        var foreign = Assert.IsType<EditResult.Invalid>(await SaveAuthorityAsync(h, h.WoippyEditor, h.Woippy, version, values));
        Assert.Equal("unknown_contact", Assert.Single(foreign.Errors[$"Contacts[{values.Contacts!.Count - 1}].Id"]).Code);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    internal static async Task<(DiplomaticPostValues Values, uint Version)> LoadPostAsync(EditingHarness h, int id)
    {
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        var post = await db.DiplomaticPosts.AsNoTracking().Include(p => p.Countries).Include(p => p.Contacts).SingleAsync(p => p.Id == id, Ct);
        return (DiplomaticPostValues.Of(post), post.Version);
    }

    private static async Task<(AuthorityValues Values, uint Version)> LoadAuthorityAsync(EditingHarness h, int id)
    {
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        var authority = await db.LocalAuthorities.AsNoTracking().Include(a => a.Contacts).SingleAsync(a => a.Id == id, Ct);
        return (AuthorityValues.Of(authority), authority.Version);
    }

    private static Task<EditResult> SavePostAsync(EditingHarness h, Editor editor, int id, uint version, DiplomaticPostValues values) =>
        h.WithAsync(sp => sp.GetRequiredService<DiplomaticPostEditing>().SaveAsync(editor, id, version, values, Ct));

    private static Task<EditResult> SaveAuthorityAsync(EditingHarness h, Editor editor, int id, uint version, AuthorityValues values) =>
        h.WithAsync(sp => sp.GetRequiredService<AuthorityEditing>().SaveAsync(editor, id, version, values, Ct));

    /// <summary>A post's row with its version, its countries and contacts, and the size of the history.</summary>
    internal static async Task<string> SnapshotAsync(EditingHarness h, int id) => await PostSnapshotAsync(h.ConnectionString, id);

    internal static async Task<string> PostSnapshotAsync(string connectionString, int id)
    {
        await using var conn = new Npgsql.NpgsqlConnection(connectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new Npgsql.NpgsqlCommand("""
            SELECT concat_ws(E'\n', (SELECT row_to_json(p)::text || ' xmin=' || p.xmin FROM diplomatic_posts p WHERE p.id = @id),
                (SELECT json_agg(c ORDER BY c.country_code)::text FROM diplomatic_post_countries c WHERE c.diplomatic_post_id = @id),
                (SELECT json_agg(c ORDER BY c.id)::text FROM contacts c WHERE c.diplomatic_post_id = @id),
                (SELECT 'history=' || count(*) FROM change_records))
            """, conn);
        cmd.Parameters.AddWithValue("id", id);
        return (string)(await cmd.ExecuteScalarAsync(Ct))!;
    }
}
