using Atlas.Core.Accounts;
using Atlas.Core.Editing;
using Atlas.Core.Editing.Review;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Editing;

/// <summary>
/// The matrix's cells for new projects declared by authority editors (issue 14), in the Woippy–Salé partnership: in scope, the
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

    private static readonly (string Case, string Handler)[] DraftPageHandlers =
    [
        (DraftDeclare, "Projets.ProjetsModifierModel.OnPostAsync"),
        (DraftSave, "Projets.ProjetsModifierModel.OnPostAsync"),
        (DraftSubmit, "Projets.ProjetsModifierModel.OnPostSubmitAsync"),
        (DraftApprove, "Relecture.RelectureIndexModel.OnPostApproveAsync"),
        (DraftSendBack, "Relecture.RelectureIndexModel.OnPostSendBackAsync"),
    ];

    public static TheoryData<string, Caller> DraftPageCells => Cells(DraftPageHandlers.Select(h => h.Case));

    [Theory]
    [MemberData(nameof(DraftPageCells))]
    public async Task Draft_page_handler(string handler, Caller caller)
    {
        var partnership = await WoippySalePartnershipAsync();
        var title = $"Déclaré par la matrice {Guid.NewGuid():N}";
        if (handler is DraftApprove or DraftSendBack)
        {
            var submitted = await WoippyDraftAsync(partnership, submit: true);
            var reviewer = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
            using var reviewing = await BrowserAsync(reviewer);
            var before = await PendingRowAsync(submitted) + $"\nprojects={await ProjectsTitledAsync(partnership, DraftTitle)}";
            var approve = handler == DraftApprove;
            List<KeyValuePair<string, string>> comment = approve ? [] : [new("comment", "Renvoyé par la matrice d'autorisation.")];
            var decided = await PostAsync(reviewing, reviewer, $"/relecture?handler={(approve ? "Approve" : "SendBack")}&id={submitted}", comment);
            if (caller is Caller.Anonymous or Caller.OtherScope)
            {
                if (caller == Caller.Anonymous) AssertSignInAsked(decided);
                else AssertRefused(decided);
                Assert.Equal(before, await PendingRowAsync(submitted) + $"\nprojects={await ProjectsTitledAsync(partnership, DraftTitle)}");
                return;
            }
            Assert.Equal(HttpStatusCode.Redirect, decided.Status);
            Assert.Equal(approve ? PendingChangeStatus.Approved : PendingChangeStatus.SentBack, await DraftStatusAsync(submitted));
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
        List<KeyValuePair<string, string>> fields = [new("Values.Title", title), new("Values.Status", "planned"), new("Version", "0")];
        if (handler == DraftDeclare)
        {
            var page = await PostAsync(browser, account, $"/projets/nouveau?partenariat={partnership}", fields);
            var drafts = await DraftsTitledAsync(title);
            if (caller == Caller.Anonymous) AssertSignInAsked(page);
            else if (caller == Caller.OtherScope) AssertRefused(page);
            else Assert.Equal(HttpStatusCode.Redirect, page.Status);
            // The Woippy editor's is a draft, unpublished; an administrator's is published at once.
            Assert.Equal(caller == Caller.InScope ? 1 : 0, drafts);
            Assert.Equal(caller == Caller.Administrator ? 1 : 0, await ProjectsTitledAsync(partnership, title));
            if (caller == Caller.InScope) Assert.StartsWith("/projets/brouillons/", page.Location!.AbsolutePath, StringComparison.Ordinal);
            return;
        }

        // The draft is the in-scope Woippy editor's own when they are the caller, else another Woippy editor's.
        var author = caller == Caller.InScope ? account : null;
        var draft = await WoippyDraftAsync(partnership, submit: false, author);
        var beforeRow = await PendingRowAsync(draft);
        var url = $"/projets/brouillons/{draft}" + (handler == DraftSubmit ? "?handler=Submit" : "");
        var answer = await PostAsync(browser, account, url, fields);
        if (caller == Caller.Anonymous) AssertSignInAsked(answer);
        else if (caller != Caller.InScope) AssertRefused(answer);
        else Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        if (caller != Caller.InScope)
        {
            Assert.Equal(beforeRow, await PendingRowAsync(draft));
            return;
        }
        Assert.Equal(1, await DraftsTitledAsync(title));
        Assert.Equal(handler == DraftSubmit ? PendingChangeStatus.Pending : PendingChangeStatus.Draft, await DraftStatusAsync(draft));
        Assert.Equal(0, await ProjectsTitledAsync(partnership, title));
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
}
