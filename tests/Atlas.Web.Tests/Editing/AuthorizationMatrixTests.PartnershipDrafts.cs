using Atlas.Core.Accounts;
using Atlas.Core.Editing;
using Atlas.Core.Editing.Review;
using Atlas.Core.Partnerships;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Editing;

/// <summary>
/// The matrix's cells for new partnerships declared by authority editors (issue 14), Woippy with Salé: in scope, the Woippy
/// editor (the draft's author); out of scope, the Marseille editor; a draft is its author's alone, so an administrator may not
/// change, submit or delete it either. Once submitted, the Rabat correspondent decides on it (Salé is Moroccan), the Beirut one
/// may not. And the deletion of a draft, of either kind, by its author alone.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private const string PartnershipDraftDeclare = "POST /partenariats/nouveau (authority editor)";
    private const string PartnershipDraftSave = "POST /partenariats/brouillons/{id}";
    private const string PartnershipDraftSubmit = "POST /partenariats/brouillons/{id}?handler=Submit";
    private const string PartnershipDraftApprove = "POST /relecture?handler=Approve (declared partnership)";
    private const string PartnershipDraftSendBack = "POST /relecture?handler=SendBack (declared partnership)";
    private const string ProjectDraftDelete = "POST /brouillons/{id}/supprimer (project draft)";
    private const string PartnershipDraftDelete = "POST /brouillons/{id}/supprimer (partnership draft)";

    private static readonly (string Case, string Handler)[] PartnershipDraftPageHandlers =
    [
        (PartnershipDraftDeclare, "Partenariats.PartenariatsModifierModel.OnPostAsync"),
        (PartnershipDraftSave, "Partenariats.PartenariatsModifierModel.OnPostAsync"),
        (PartnershipDraftSubmit, "Partenariats.PartenariatsModifierModel.OnPostSubmitAsync"),
        (PartnershipDraftApprove, "Relecture.RelectureIndexModel.OnPostApproveAsync"),
        (PartnershipDraftSendBack, "Relecture.RelectureIndexModel.OnPostSendBackAsync"),
        (ProjectDraftDelete, "Brouillons.BrouillonsSupprimerModel.OnPostAsync"),
        (PartnershipDraftDelete, "Brouillons.BrouillonsSupprimerModel.OnPostAsync"),
    ];

    public static TheoryData<string, Caller> PartnershipDraftPageCells => Cells(PartnershipDraftPageHandlers.Select(h => h.Case));

    [Theory]
    [MemberData(nameof(PartnershipDraftPageCells))]
    public async Task Partnership_draft_page_handler(string handler, Caller caller)
    {
        var (woippy, sale) = await WoippyAndSaleAsync();
        var title = $"Partenariat déclaré par la matrice {Guid.NewGuid():N}";
        if (handler is PartnershipDraftApprove or PartnershipDraftSendBack)
        {
            var submitted = await WoippyPartnershipDraftAsync(title, submit: true);
            var reviewer = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
            using var reviewing = await BrowserAsync(reviewer);
            var before = await PendingRowAsync(submitted) + $"\npartnerships={await PartnershipsTitledAsync(title)}";
            var approve = handler == PartnershipDraftApprove;
            List<KeyValuePair<string, string>> comment = approve ? [] : [new("comment", "Renvoyé par la matrice d'autorisation.")];
            var decided = await PostAsync(reviewing, reviewer, $"/relecture?handler={(approve ? "Approve" : "SendBack")}&id={submitted}", comment);
            if (caller is Caller.Anonymous or Caller.OtherScope)
            {
                if (caller == Caller.Anonymous) AssertSignInAsked(decided);
                else AssertRefused(decided);
                Assert.Equal(before, await PendingRowAsync(submitted) + $"\npartnerships={await PartnershipsTitledAsync(title)}");
                return;
            }
            Assert.Equal(HttpStatusCode.Redirect, decided.Status);
            Assert.Equal(approve ? PendingChangeStatus.Approved : PendingChangeStatus.SentBack, await DraftStatusAsync(submitted));
            Assert.Equal(approve ? 1 : 0, await PartnershipsTitledAsync(title));
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
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        List<KeyValuePair<string, string>> fields =
        [
            new("Values.Title", title), new("Values.Status", "active"),
            new("Values.AuthorityIds", woippy.ToString(invariant)), new("Values.AuthorityIds", sale.ToString(invariant)), new("Version", "0"),
        ];
        if (handler == PartnershipDraftDeclare)
        {
            var page = await PostAsync(browser, account, "/partenariats/nouveau", fields);
            if (caller == Caller.Anonymous) AssertSignInAsked(page);
            else if (caller == Caller.OtherScope) AssertRefused(page);
            else Assert.Equal(HttpStatusCode.Redirect, page.Status);
            // The Woippy editor's is a draft, unpublished; an administrator's is published at once.
            Assert.Equal(caller == Caller.InScope ? 1 : 0, await PartnershipDraftsTitledAsync(title));
            Assert.Equal(caller == Caller.Administrator ? 1 : 0, await PartnershipsTitledAsync(title));
            if (caller == Caller.InScope) Assert.StartsWith("/partenariats/brouillons/", page.Location!.AbsolutePath, StringComparison.Ordinal);
            return;
        }

        // The draft is the in-scope Woippy editor's own when they are the caller, else another Woippy editor's.
        var author = caller == Caller.InScope ? account : null;
        var draft = handler == ProjectDraftDelete
            ? await WoippyDraftAsync(await WoippySalePartnershipAsync(), submit: false, author)
            : await WoippyPartnershipDraftAsync(title, submit: false, author);
        var beforeRow = await PendingRowAsync(draft);
        var url = handler switch
        {
            ProjectDraftDelete or PartnershipDraftDelete => $"/brouillons/{draft}/supprimer",
            PartnershipDraftSubmit => $"/partenariats/brouillons/{draft}?handler=Submit",
            _ => $"/partenariats/brouillons/{draft}",
        };
        var answer = await PostAsync(browser, account, url, fields);
        if (caller == Caller.Anonymous) AssertSignInAsked(answer);
        else if (caller != Caller.InScope) AssertRefused(answer);
        else Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        if (caller != Caller.InScope)
        {
            Assert.Equal(beforeRow, await PendingRowAsync(draft));
            return;
        }
        if (handler is ProjectDraftDelete or PartnershipDraftDelete)
        {
            Assert.Equal("", await PendingRowAsync(draft));
            return;
        }
        Assert.Equal(1, await PartnershipDraftsTitledAsync(title));
        Assert.Equal(handler == PartnershipDraftSubmit ? PendingChangeStatus.Pending : PendingChangeStatus.Draft, await DraftStatusAsync(draft));
        Assert.Equal(0, await PartnershipsTitledAsync(title));
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
