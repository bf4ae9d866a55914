using Atlas.Core.AccountRequests;
using Atlas.Core.Accounts;
using Atlas.Web.Hosting;
using Atlas.Web.Pages.Compte;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Atlas.Web.Tests.Accounts;

/// <summary>
/// Account requests (/compte/demande) and their decision (/espace/demandes): routed to the correspondents of the authority's
/// partner countries (or the administrators), accepted into an authority editor's account with a mailed set-password link, or
/// refused with a mailed reason; refused when the authority does not exist; robots and floods kept out.
/// </summary>
public sealed class AccountRequestTests(AccountRequestsAppFixture fixture) : IClassFixture<AccountRequestsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Woippy = "fr-commune-woippy";

    [Fact]
    public async Task A_request_for_Woippy_reaches_the_Moroccan_correspondents_is_accepted_and_the_new_editor_sets_a_password_from_the_mail()
    {
        var rabat = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        var beirut = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-beyrouth");
        var email = $"lea.martin-{Guid.NewGuid():N}@woippy.test";
        using var visitor = fixture.Browser();
        var sent = await AskAsync(visitor, "Léa Martin", email, "Chargée de mission relations internationales", "Woippy");
        Assert.Equal("/compte/demande", sent.Path);
        Assert.True(sent.TestIdOrNull("request-sent") is not null, sent.Document.QuerySelector("main")?.TextContent);
        Assert.Contains("Votre demande est envoyée", sent.Text("request-sent"), StringComparison.Ordinal);

        // Stored for Woippy; the requester is mailed nothing yet.
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
        {
            var stored = await db.AccountRequests.AsNoTracking().SingleAsync(r => r.Email == email, Ct);
            Assert.Equal((await fixture.AuthorityIdAsync(Woippy), AccountRequestStatus.Pending, "Léa Martin"), (stored.LocalAuthorityId, stored.Status, stored.DisplayName));
        }
        Assert.Empty(fixture.MailTo(email));

        // Mailed to every enabled correspondent covering a partner country of Woippy, as the base tables say, and to no one else.
        var expected = await CorrespondentsOfPartnerCountriesAsync(Woippy);
        Assert.Contains(rabat.Email, expected);
        Assert.DoesNotContain(beirut.Email, expected);
        var waiting = WaitingMailsAbout(email);
        Assert.Equal(expected.Order(StringComparer.Ordinal), waiting.Select(m => m.To).Order(StringComparer.Ordinal));
        var toRabat = Assert.Single(waiting, m => m.To == rabat.Email);
        Assert.Equal(AtlasApp.PublicBaseUrl + AccountRequestDesk.DecisionPath, toRabat.Link);
        Assert.Contains("Léa Martin (Chargée de mission relations internationales) demande un compte d’éditeur pour Ville de Woippy (France)", toRabat.Text, StringComparison.Ordinal);

        // The Beirut correspondent does not see it; the Rabat correspondent does, and accepts it.
        using var beirutSession = await SignedInAsync(beirut);
        Assert.DoesNotContain((await beirutSession.GetAsync(AccountRequestDesk.DecisionPath)).Document.QuerySelectorAll("[data-testid='request-email']"),
            e => e.TextContent == email);
        using var rabatSession = await SignedInAsync(rabat);
        var list = await rabatSession.GetAsync(AccountRequestDesk.DecisionPath);
        var id = RequestId(list, email);
        var accepted = await rabatSession.SubmitAsync(list, form: $"[data-request-id='{id}'] [data-testid='accept-form']");
        Assert.Equal(AccountRequestDesk.DecisionPath, accepted.Path);
        Assert.Contains($"un lien pour choisir son mot de passe lui est envoyé à {email}", accepted.Text("notice"), StringComparison.Ordinal);

        var account = (await fixture.FindAsync(email))!;
        Assert.Equal((EditorRole.AuthorityEditor, await fixture.AuthorityIdAsync(Woippy), (int?)null, "Léa Martin", false),
            (account.Role, account.LocalAuthorityId, account.DiplomaticPostId, account.DisplayName, account.IsDisabled));
        Assert.Null(account.PasswordHash);
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
        {
            var decided = await db.AccountRequests.AsNoTracking().SingleAsync(r => r.Email == email, Ct);
            Assert.Equal((AccountRequestStatus.Accepted, account.Id, rabat.Name), (decided.Status, decided.AccountId!.Value, decided.DeciderName));
        }

        var mail = Assert.Single(fixture.MailTo(email));
        Assert.Equal("account-created", mail.Kind);
        Assert.Contains("Votre demande de compte d’éditeur pour Ville de Woippy est acceptée", mail.Text, StringComparison.Ordinal);
        Assert.StartsWith(AtlasApp.PublicBaseUrl + PasswordResetLinks.Path + "?email=", mail.Link, StringComparison.Ordinal);
        using var editor = fixture.Browser();
        var reset = await editor.GetAsync(mail.LocalLink);
        await editor.SubmitAsync(reset, new() { ["NewPassword"] = "le mot de passe de Léa", ["ConfirmPassword"] = "le mot de passe de Léa" });
        var signedIn = await AccountsAppFixture.SignInAsync(editor, email, "le mot de passe de Léa");
        Assert.NotEqual("/compte/connexion", signedIn.Path);

        // Decided once: accepting again changes nothing.
        var again = await rabatSession.PostAsync($"{AccountRequestDesk.DecisionPath}?handler=Accept&id={id}", AntiforgeryOf(list), followRedirects: true);
        Assert.Contains("n’attend plus de décision", again.Text("notice"), StringComparison.Ordinal);
        Assert.Single(fixture.MailTo(email));
    }

    [Fact]
    public async Task The_account_menu_counts_the_requests_waiting_for_a_correspondent_beside_the_reviews_and_an_authority_editor_has_no_such_link()
    {
        var rabat = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        var beirut = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-beyrouth");
        using var rabatSession = await SignedInAsync(rabat);
        using var beirutSession = await SignedInAsync(beirut);
        var beirutBefore = Waiting(await beirutSession.GetAsync(AccountRequestDesk.DecisionPath));

        using var visitor = fixture.Browser();
        await AskAsync(visitor, "Nora Compteuse", $"nora-{Guid.NewGuid():N}@woippy.test", "Chargée de mission", "Woippy");

        // As many as the decision page lists waiting, in the menu's link to it (drawn in the header and in the « Menu » panel alike).
        var space = await rabatSession.GetAsync("/espace");
        var waiting = Waiting(await rabatSession.GetAsync(AccountRequestDesk.DecisionPath));
        Assert.True(waiting > 0);
        var links = space.Document.QuerySelectorAll("[data-testid='requests-link']");
        Assert.Equal(2, links.Length);
        Assert.All(links, l => Assert.Equal(AccountRequestDesk.DecisionPath, l.GetAttribute("href")));
        Assert.All(space.Document.QuerySelectorAll("[data-testid='requests-count']"), c => Assert.Equal(waiting, Badge(c)));
        Assert.Contains(waiting == 1 ? "1 demande de compte en attente" : $"{waiting} demandes de compte en attente",
            space.TestId("requests-count").TextContent, StringComparison.Ordinal);
        // The menu's button adds the reviews waiting to the requests.
        var reviews = space.TestIdOrNull("review-count") is { } count ? Badge(count) : 0;
        Assert.Equal(reviews + waiting, Badge(space.TestId("account-menu-count")));

        // The Beirut correspondent decides none of Woippy's: their count did not move.
        var beirutSpace = await beirutSession.GetAsync("/espace");
        Assert.Equal(beirutBefore, beirutSpace.TestIdOrNull("requests-count") is { } b ? Badge(b) : 0);

        var woippy = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: Woippy);
        using var editor = await SignedInAsync(woippy);
        Assert.Null((await editor.GetAsync("/espace")).TestIdOrNull("requests-link"));
    }

    /// <summary>How many requests the decision page lists as waiting.</summary>
    private static int Waiting(BrowserPage list) => list.Document.QuerySelectorAll("[data-testid='account-request']").Length;

    private static int Badge(AngleSharp.Dom.IElement badge) =>
        int.Parse(badge.QuerySelector("[aria-hidden]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_refusal_needs_a_reason_which_the_requester_is_mailed_and_no_account_is_created()
    {
        var admin = await fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null);
        var email = $"refus-{Guid.NewGuid():N}@woippy.test";
        using var visitor = fixture.Browser();
        await AskAsync(visitor, "Paul Refusé", email, "Stagiaire", "Woippy");

        using var session = await SignedInAsync(admin);
        var list = await session.GetAsync(AccountRequestDesk.DecisionPath);
        var id = RequestId(list, email);
        var form = $"[data-request-id='{id}'] [data-testid='refuse-form']";
        var blank = await session.SubmitAsync(list, new() { ["reason"] = "   " }, form: form);
        Assert.Equal("Dites à la personne pourquoi sa demande est refusée.", blank.Text("field-error-reason"));
        Assert.Empty(fixture.MailTo(email));

        var refused = await session.SubmitAsync(blank, new() { ["reason"] = "Demandez à votre directrice de faire la demande." }, form: form);
        Assert.Contains("La demande est refusée", refused.Text("notice"), StringComparison.Ordinal);
        Assert.Null(await fixture.FindAsync(email));
        var mail = Assert.Single(fixture.MailTo(email));
        Assert.Equal("account-request-refused", mail.Kind);
        Assert.Contains("pour Ville de Woippy n’a pas été acceptée, pour cette raison :\n\n« Demandez à votre directrice de faire la demande. »", mail.Text, StringComparison.Ordinal);
        Assert.Equal(AtlasApp.PublicBaseUrl + AccountRequestDesk.FormPath, mail.Link);
        var row = refused.Document.QuerySelector($"[data-testid='decided-request'][data-request-id='{id}']")!;
        Assert.Contains("Refusée", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_naming_an_authority_that_does_not_exist_is_refused_with_a_French_message_and_nothing_is_kept()
    {
        var email = $"inconnue-{Guid.NewGuid():N}@nulle-part.test";
        using var visitor = fixture.Browser();

        var unknown = await AskAsync(visitor, "Nina Nulle", email, "Maire", "Zzyzx-sur-Qwerty");
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal("Aucune collectivité de l’atlas ne s’appelle « Zzyzx-sur-Qwerty » : vérifiez son nom.", unknown.FieldError("AuthorityName"));
        Assert.Equal("Zzyzx-sur-Qwerty", unknown.Value("AuthorityName"));

        var forgedId = await AskAsync(visitor, "Nina Nulle", email, "Maire", "Woippy", authorityId: "999999999");
        Assert.Equal("Cette collectivité n’existe pas dans l’atlas : saisissez son nom.", forgedId.FieldError("AuthorityName"));
        var notANumber = await AskAsync(visitor, "Nina Nulle", email, "Maire", "Woippy", authorityId: "woippy");
        Assert.Equal("Cette collectivité n’existe pas dans l’atlas : saisissez son nom.", notANumber.FieldError("AuthorityName"));

        var empty = await AskAsync(visitor, "", "pas-une-adresse", "", "");
        Assert.Equal("Indiquez vos prénom et nom.", empty.FieldError("DisplayName"));
        Assert.Equal("Cette adresse électronique n’est pas valide (exemple : prenom.nom@ville.fr).", empty.FieldError("Email"));
        Assert.Equal("Indiquez votre fonction au sein de la collectivité.", empty.FieldError("Position"));
        Assert.Equal("Indiquez le nom de votre collectivité.", empty.FieldError("AuthorityName"));

        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.False(await db.AccountRequests.AnyAsync(r => r.Email == email || r.Email == "pas-une-adresse", Ct));
    }

    [Fact]
    public async Task A_misspelt_name_offers_the_near_authorities_and_the_one_chosen_is_kept()
    {
        var email = $"choix-{Guid.NewGuid():N}@woippy.test";
        using var visitor = fixture.Browser();
        var offered = await AskAsync(visitor, "Chloé Choix", email, "Directrice générale des services", "Woipy");
        Assert.StartsWith("Aucune collectivité de l’atlas ne s’appelle « Woipy » : choisissez la vôtre", offered.FieldError("AuthorityName"), StringComparison.Ordinal);
        var woippy = await fixture.AuthorityIdAsync(Woippy);
        var choice = offered.Document.QuerySelector($"input[name='AuthorityId'][value='{woippy}']");
        Assert.NotNull(choice);

        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        var sent = await visitor.SubmitAsync(offered, new() { ["AuthorityId"] = woippy.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("Votre demande est envoyée", sent.Text("request-sent"), StringComparison.Ordinal);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.Equal(woippy, await db.AccountRequests.Where(r => r.Email == email).Select(r => r.LocalAuthorityId).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_request_for_an_authority_no_correspondent_covers_is_mailed_to_the_administrators()
    {
        await fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null);
        var disabled = await fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null, change: u => u.IsDisabled = true);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        // A French authority in no partnership: no partner country, so no correspondent.
        var lonely = await db.Database.SqlQuery<int>($"""
            SELECT a.id AS "Value" FROM local_authorities a
            WHERE a.country_code = 'FR' AND a.deleted_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM partnership_authorities pa JOIN partnerships p ON p.id = pa.partnership_id AND p.deleted_at IS NULL
                              WHERE pa.local_authority_id = a.id)
            ORDER BY a.id LIMIT 1
            """).SingleAsync(Ct);
        var administrators = await db.Users.Where(u => u.Role == EditorRole.Administrator && !u.IsDisabled).Select(u => u.Email!).ToListAsync(Ct);
        Assert.NotEmpty(administrators);

        var email = $"seule-{Guid.NewGuid():N}@commune.test";
        using var visitor = fixture.Browser();
        var sent = await AskAsync(visitor, "Sam Seul", email, "Secrétaire de mairie", "nom ignoré", authorityId: lonely.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Votre demande est envoyée", sent.Text("request-sent"), StringComparison.Ordinal);

        Assert.Equal(administrators.Order(StringComparer.Ordinal), WaitingMailsAbout(email).Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.Empty(fixture.MailTo(disabled.Email));
    }

    [Fact]
    public async Task Robots_that_fill_the_hidden_field_or_post_at_once_are_answered_as_people_but_nothing_is_kept()
    {
        var trapped = $"robot-{Guid.NewGuid():N}@spam.test";
        var hasty = $"presse-{Guid.NewGuid():N}@spam.test";
        var forged = $"forge-{Guid.NewGuid():N}@spam.test";
        using var robot = fixture.Browser();

        var filled = await AskAsync(robot, "Robot", trapped, "Robot", "Woippy", extra: new() { ["site"] = "https://spam.test" });
        Assert.Contains("Votre demande est envoyée", filled.Text("request-sent"), StringComparison.Ordinal);

        var form = await robot.GetAsync(AccountRequestDesk.FormPath);
        fixture.Clock.Advance(DemandeModel.MinimumFillTime - TimeSpan.FromSeconds(1));
        var atOnce = await robot.SubmitAsync(form, Fields("Robot", hasty, "Robot", "Woippy"));
        Assert.Contains("Votre demande est envoyée", atOnce.Text("request-sent"), StringComparison.Ordinal);

        var noStamp = await robot.SubmitAsync(await robot.GetAsync(AccountRequestDesk.FormPath),
            new(Fields("Robot", forged, "Robot", "Woippy")) { ["Started"] = "forgé" });
        Assert.Equal(DemandeModel.Expired, noStamp.Text("form-error"));

        var stale = await robot.GetAsync(AccountRequestDesk.FormPath);
        fixture.Clock.Advance(DemandeModel.MaximumFillTime + TimeSpan.FromMinutes(1));
        var late = await robot.SubmitAsync(stale, Fields("Robot", forged, "Robot", "Woippy"));
        Assert.Equal(DemandeModel.Expired, late.Text("form-error"));

        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.False(await db.AccountRequests.AnyAsync(r => r.Email == trapped || r.Email == hasty || r.Email == forged, Ct));
        Assert.Empty(WaitingMailsAbout(trapped));
        Assert.Empty(WaitingMailsAbout(hasty));
    }

    [Fact]
    public async Task Requests_are_rate_limited_per_address_with_a_French_message()
    {
        // The counts are shared through the database by every instance: on the fixture's clock (real time at its start), this
        // class's other posts of the same minute would count too. The flooding instance has a minute of its own.
        var ownMinute = new FakeTimeProvider(new DateTimeOffset(2031, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var limited = new AtlasApp(fixture.App.ConnectionString, new Dictionary<string, string>
        {
            [AccountFormRateLimitAttribute.Setting] = "3",
            ["Atlas:Mail:PickupDirectory"] = fixture.MailDirectory,
        }, services => services.AddSingleton<TimeProvider>(ownMinute));
        using var flood = new BrowserSession(limited);
        var form = await flood.GetAsync(AccountRequestDesk.FormPath);
        var email = $"flot-{Guid.NewGuid():N}@spam.test";
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await flood.SubmitAsync(form, Fields("Flot", email, "Flot", "Woippy"))).Status);

        var refused = await flood.SubmitAsync(form, Fields("Flot", email, "Flot", "Woippy"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.True(int.Parse(refused.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.StartsWith("Trop de tentatives : réessayez dans ", refused.Text("form-error"), StringComparison.Ordinal);
        Assert.Equal("Flot", refused.Value("DisplayName"));
    }

    [Fact]
    public async Task An_authority_editor_may_not_open_nor_decide_the_requests()
    {
        var editor = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: Woippy);
        var email = $"editeur-{Guid.NewGuid():N}@woippy.test";
        using var visitor = fixture.Browser();
        await AskAsync(visitor, "Éva Éditrice", email, "Adjointe", "Woippy");
        long id;
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
            id = await db.AccountRequests.Where(r => r.Email == email).Select(r => r.Id).SingleAsync(Ct);

        using var session = await SignedInAsync(editor);
        var page = await session.GetAsync(AccountRequestDesk.DecisionPath, followRedirects: false);
        Assert.Equal("/compte/acces-refuse", page.Location!.AbsolutePath);
        var accept = await session.PostAsync($"{AccountRequestDesk.DecisionPath}?handler=Accept&id={id}", AntiforgeryOf(await session.GetAsync("/compte/mot-de-passe")), followRedirects: false);
        Assert.Equal("/compte/acces-refuse", accept.Location!.AbsolutePath);
        Assert.Null(await fixture.FindAsync(email));
    }

    private async Task<BrowserPage> AskAsync(BrowserSession browser, string name, string email, string position, string authority,
        string? authorityId = null, Dictionary<string, string?>? extra = null)
    {
        var form = await browser.GetAsync(AccountRequestDesk.FormPath);
        fixture.Clock.Advance(DemandeModel.MinimumFillTime + TimeSpan.FromSeconds(1));
        var fields = Fields(name, email, position, authority);
        if (authorityId is not null) fields["AuthorityId"] = authorityId;
        foreach (var (key, value) in extra ?? []) fields[key] = value;
        return await browser.SubmitAsync(form, fields);
    }

    private static Dictionary<string, string?> Fields(string name, string email, string position, string authority) => new()
    {
        ["DisplayName"] = name, ["Email"] = email, ["Position"] = position, ["AuthorityName"] = authority,
    };

    private async Task<BrowserSession> SignedInAsync(TestAccount account)
    {
        var browser = fixture.Browser();
        Assert.NotEqual("/compte/connexion", (await AccountsAppFixture.SignInAsync(browser, account)).Path);
        return browser;
    }

    private static long RequestId(BrowserPage list, string email)
    {
        var section = list.Document.QuerySelectorAll("[data-testid='account-request']")
            .Single(s => s.QuerySelector("[data-testid='request-email']")!.TextContent == email);
        return long.Parse(section.GetAttribute("data-request-id")!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<KeyValuePair<string, string>> AntiforgeryOf(BrowserPage page) =>
        [new(BrowserSession.AntiforgeryField, page.Document.QuerySelector($"[name='{BrowserSession.AntiforgeryField}']")!.GetAttribute("value")!)];

    /// <summary>The "a request waits" messages about the request from <paramref name="requester"/>, whoever they went to.</summary>
    private List<PickedUpMail> WaitingMailsAbout(string requester) =>
        [.. Directory.Exists(fixture.MailDirectory)
            ? Directory.GetFiles(fixture.MailDirectory, "*.eml").Select(PickedUpMail.Read)
                .Where(m => m.Kind == "account-request-waiting" && m.Text.Contains(requester, StringComparison.Ordinal))
            : []];

    /// <summary>
    /// The enabled correspondents whose post covers a partner country of the authority — a country of an authority it shares a live
    /// partnership with, or its own when foreign — written directly in SQL over the base tables.
    /// </summary>
    private async Task<List<string>> CorrespondentsOfPartnerCountriesAsync(string authorityKey)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var found = await db.Database.SqlQuery<string>($"""
            SELECT DISTINCT u.email AS "Value" FROM users u
            JOIN diplomatic_post_countries pc ON pc.diplomatic_post_id = u.diplomatic_post_id
            WHERE u.role = 'correspondent' AND NOT u.is_disabled AND pc.country_code IN (
                SELECT other.country_code FROM local_authorities a
                JOIN partnership_authorities mine ON mine.local_authority_id = a.id
                JOIN partnerships p ON p.id = mine.partnership_id AND p.deleted_at IS NULL
                JOIN partnership_authorities theirs ON theirs.partnership_id = p.id
                JOIN local_authorities other ON other.id = theirs.local_authority_id
                WHERE a.key = {authorityKey}
                UNION SELECT a.country_code FROM local_authorities a WHERE a.key = {authorityKey})
            """).ToListAsync(Ct);
        Assert.NotEmpty(found);
        return found;
    }
}
