using Atlas.Core.Accounts;
using Atlas.Core.Editing;
using Atlas.Core.Editing.Review;
using Atlas.Core.Partnerships;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Editing;

/// <summary>
/// The matrix's cells for new projects declared by authority editors (issue 14), in the Woippy–Salé partnership, for new
/// Woippy–Salé partnerships (approved by the Rabat correspondent, Salé being Moroccan), and for a draft's deletion, of either
/// kind, by its author alone: in scope, the
/// Woippy editor (the draft's author); out of scope, the Marseille editor; a draft is its author's alone, so an administrator
/// may not change or submit it either (a reviewer decides on it once submitted: the Approve and SendBack cells of a declared
/// project, where the Beirut correspondent is out of scope and the Rabat one in it).
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private const string DraftDeclare = "POST /projets/nouveau?partenariat={id} (authority editor)";
    private const string DraftSave = "POST /projets/brouillons/{id}";
    private const string DraftSubmit = "POST /projets/brouillons/{id}?handler=Submit";
    private const string DraftApprove = "POST /relecture?handler=Approve (declared project)";
    private const string DraftSendBack = "POST /relecture?handler=SendBack (declared project)";
    private const string PartnershipDraftDeclare = "POST /partenariats/nouveau (authority editor)";
    private const string PartnershipDraftSave = "POST /partenariats/brouillons/{id}";
    private const string PartnershipDraftSubmit = "POST /partenariats/brouillons/{id}?handler=Submit";
    private const string PartnershipDraftApprove = "POST /relecture?handler=Approve (declared partnership)";
    private const string PartnershipDraftSendBack = "POST /relecture?handler=SendBack (declared partnership)";
    private const string ProjectDraftDelete = "POST /brouillons/{id}/supprimer (project draft)";
    private const string PartnershipDraftDelete = "POST /brouillons/{id}/supprimer (partnership draft)";


    private static readonly (string Case, string Handler)[] DraftPageHandlers =
    [
        (DraftDeclare, "Projets.ProjetsModifierModel.OnPostAsync"),
        (DraftSave, "Projets.ProjetsModifierModel.OnPostAsync"),
        (DraftSubmit, "Projets.ProjetsModifierModel.OnPostSubmitAsync"),
        (DraftApprove, "Relecture.RelectureIndexModel.OnPostApproveAsync"),
        (DraftSendBack, "Relecture.RelectureIndexModel.OnPostSendBackAsync"),
        (PartnershipDraftDeclare, "Partenariats.PartenariatsModifierModel.OnPostAsync"),
        (PartnershipDraftSave, "Partenariats.PartenariatsModifierModel.OnPostAsync"),
        (PartnershipDraftSubmit, "Partenariats.PartenariatsModifierModel.OnPostSubmitAsync"),
        (PartnershipDraftApprove, "Relecture.RelectureIndexModel.OnPostApproveAsync"),
        (PartnershipDraftSendBack, "Relecture.RelectureIndexModel.OnPostSendBackAsync"),
        (ProjectDraftDelete, "Brouillons.BrouillonsSupprimerModel.OnPostAsync"),
        (PartnershipDraftDelete, "Brouillons.BrouillonsSupprimerModel.OnPostAsync"),
    ];

    public static TheoryData<string, Caller> DraftPageCells => Cells(DraftPageHandlers.Select(h => h.Case));

    /// <summary>The cells of both kinds of declared records: what differs is only the form's address and fields, and what is counted.</summary>
    [Theory]
    [MemberData(nameof(DraftPageCells))]
    public async Task Draft_page_handler(string handler, Caller caller)
    {
        var partnership = await WoippySalePartnershipAsync();
        var ofPartnership = handler is PartnershipDraftDeclare or PartnershipDraftSave or PartnershipDraftSubmit or PartnershipDraftApprove or PartnershipDraftSendBack or PartnershipDraftDelete;
        var title = $"Déclaré par la matrice {Guid.NewGuid():N}";
        // A declared project is counted by the title its draft was given, a partnership by the cell's own.
        Task<int> PublishedAsync() => ofPartnership ? PartnershipsTitledAsync(title) : ProjectsTitledAsync(partnership, DraftTitle);
        if (handler is DraftApprove or DraftSendBack or PartnershipDraftApprove or PartnershipDraftSendBack)
        {
            var submitted = ofPartnership ? await WoippyPartnershipDraftAsync(title, submit: true) : await WoippyDraftAsync(partnership, submit: true);
            var reviewer = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
            using var reviewing = await BrowserAsync(reviewer);
            var before = await PendingRowAsync(submitted) + $"\npublished={await PublishedAsync()}";
            var approve = handler is DraftApprove or PartnershipDraftApprove;
            List<KeyValuePair<string, string>> comment = approve ? [] : [new("comment", "Renvoyé par la matrice d'autorisation.")];
            var decided = await PostAsync(reviewing, reviewer, $"/relecture?handler={(approve ? "Approve" : "SendBack")}&id={submitted}", comment);
            if (caller is Caller.Anonymous or Caller.OtherScope)
            {
                if (caller == Caller.Anonymous) AssertSignInAsked(decided);
                else AssertRefused(decided);
                Assert.Equal(before, await PendingRowAsync(submitted) + $"\npublished={await PublishedAsync()}");
                return;
            }
            Assert.Equal(HttpStatusCode.Redirect, decided.Status);
            Assert.Equal(approve ? PendingChangeStatus.Approved : PendingChangeStatus.SentBack, await DraftStatusAsync(submitted));
            if (ofPartnership) Assert.Equal(approve ? 1 : 0, await PartnershipsTitledAsync(title));
            return;
        }

        var account = caller switch
        {
            Caller.Anonymous => null,
            Caller.OtherScope => await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-marseille"),
            Caller.InScope => await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy"),
            _ => await fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null),
        };
        using var browser = await BrowserAsync(account);
        List<KeyValuePair<string, string>> fields = ofPartnership ? await PartnershipFieldsAsync(title) : [new("Values.Title", title), new("Values.Status", "planned"), new("Version", "0")];
        if (handler is DraftDeclare or PartnershipDraftDeclare)
        {
            var page = await PostAsync(browser, account, ofPartnership ? "/partenariats/nouveau" : $"/projets/nouveau?partenariat={partnership}", fields);
            var drafts = ofPartnership ? await PartnershipDraftsTitledAsync(title) : await DraftsTitledAsync(title);
            if (caller == Caller.Anonymous) AssertSignInAsked(page);
            else if (caller == Caller.OtherScope) AssertRefused(page);
            else Assert.Equal(HttpStatusCode.Redirect, page.Status);
            // The Woippy editor's is a draft, unpublished; an administrator's is published at once.
            Assert.Equal(caller == Caller.InScope ? 1 : 0, drafts);
            Assert.Equal(caller == Caller.Administrator ? 1 : 0, ofPartnership ? await PartnershipsTitledAsync(title) : await ProjectsTitledAsync(partnership, title));
            if (caller == Caller.InScope)
                Assert.StartsWith(ofPartnership ? "/partenariats/brouillons/" : "/projets/brouillons/", page.Location!.AbsolutePath, StringComparison.Ordinal);
            return;
        }

        // The draft is the in-scope Woippy editor's own when they are the caller, else another Woippy editor's.
        var author = caller == Caller.InScope ? account : null;
        var draft = ofPartnership ? await WoippyPartnershipDraftAsync(title, submit: false, author) : await WoippyDraftAsync(partnership, submit: false, author);
        var beforeRow = await PendingRowAsync(draft);
        var deletes = handler is ProjectDraftDelete or PartnershipDraftDelete;
        var submits = handler is DraftSubmit or PartnershipDraftSubmit;
        var url = deletes ? $"/brouillons/{draft}/supprimer" : $"/{(ofPartnership ? "partenariats" : "projets")}/brouillons/{draft}" + (submits ? "?handler=Submit" : "");
        var answer = await PostAsync(browser, account, url, fields);
        if (caller == Caller.Anonymous) AssertSignInAsked(answer);
        else if (caller != Caller.InScope) AssertRefused(answer);
        else Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        if (caller != Caller.InScope)
        {
            Assert.Equal(beforeRow, await PendingRowAsync(draft));
            return;
        }
        if (deletes)
        {
            Assert.Equal("", await PendingRowAsync(draft));
            return;
        }
        Assert.Equal(1, ofPartnership ? await PartnershipDraftsTitledAsync(title) : await DraftsTitledAsync(title));
        Assert.Equal(submits ? PendingChangeStatus.Pending : PendingChangeStatus.Draft, await DraftStatusAsync(draft));
        Assert.Equal(0, ofPartnership ? await PartnershipsTitledAsync(title) : await ProjectsTitledAsync(partnership, title));
    }

    private const string DraftTitle = "Brouillon de la matrice d'autorisation";

    /// <summary>A draft of a new project in the partnership, by <paramref name="author"/> (else a new Woippy editor), submitted or not.</summary>
    private async Task<long> WoippyDraftAsync(int partnership, bool submit, TestAccount? author = null)
    {
        author ??= await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy");
        var editor = Editor.Of((await fixture.FindAsync(author.Email))!);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<Drafts>();
        var saved = await drafts.SaveProjectAsync(editor, null, partnership, new ProjectValues { Title = DraftTitle, Status = "planned" }, Ct);
        var id = Assert.IsType<long>(saved.DraftId);
        if (submit) Assert.IsType<EditResult.Saved>(await drafts.SubmitAsync(editor, id, Ct));
        return id;
    }

    private async Task<PendingChangeStatus> DraftStatusAsync(long id)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.PendingChanges.Where(c => c.Id == id).Select(c => c.Status).SingleAsync(Ct);
    }

    private async Task<int> DraftsTitledAsync(string title)
    {
        await using var conn = new Npgsql.NpgsqlConnection(fixture.App.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT count(*)::int FROM pending_changes WHERE project_id IS NULL AND values->>'title' = @title", conn);
        cmd.Parameters.AddWithValue("title", title);
        return (int)(await cmd.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>A new Woippy–Salé partnership's form fields, as an authority editor would post them.</summary>
    private async Task<List<KeyValuePair<string, string>>> PartnershipFieldsAsync(string title)
    {
        var (woippy, sale) = await WoippyAndSaleAsync();
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return
        [
            new("Values.Title", title), new("Values.Status", "active"),
            new("Values.AuthorityIds", woippy.ToString(invariant)), new("Values.AuthorityIds", sale.ToString(invariant)), new("Version", "0"),
        ];
    }

    /// <summary>A draft of a new Woippy–Salé partnership, by <paramref name="author"/> (else a new Woippy editor), submitted or not.</summary>
    private async Task<long> WoippyPartnershipDraftAsync(string title, bool submit, TestAccount? author = null)
    {
        author ??= await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy");
        var editor = Editor.Of((await fixture.FindAsync(author.Email))!);
        var (woippy, sale) = await WoippyAndSaleAsync();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<Drafts>();
        var saved = await drafts.SavePartnershipAsync(editor, null, new PartnershipValues { Title = title, Status = "active", AuthorityIds = [woippy, sale] }, Ct);
        var id = Assert.IsType<long>(saved.DraftId);
        if (submit) Assert.IsType<EditResult.Saved>(await drafts.SubmitAsync(editor, id, Ct));
        return id;
    }

    private async Task<(int Woippy, int Sale)> WoippyAndSaleAsync()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var ids = await db.LocalAuthorities.Where(a => a.Key == "fr-commune-woippy" || a.Key == "ma-commune-sale").ToDictionaryAsync(a => a.Key!, a => a.Id, Ct);
        return (ids["fr-commune-woippy"], ids["ma-commune-sale"]);
    }

    private async Task<int> PartnershipsTitledAsync(string title)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Partnerships.CountAsync(p => p.Title == title, Ct);
    }

    private async Task<int> PartnershipDraftsTitledAsync(string title)
    {
        await using var conn = new Npgsql.NpgsqlConnection(fixture.App.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new Npgsql.NpgsqlCommand(
            "SELECT count(*)::int FROM pending_changes WHERE kind = 'new-partnership' AND partnership_id IS NULL AND partnership_values->>'title' = @title", conn);
        cmd.Parameters.AddWithValue("title", title);
        return (int)(await cmd.ExecuteScalarAsync(Ct))!;
    }
}
