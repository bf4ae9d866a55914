using Atlas.Core.AccountRequests;
using Atlas.Web.Pages.Compte;

namespace Atlas.Web.Pages.Espace;

/// <summary>
/// /espace/demandes: the account requests a correspondent (those for authorities of their post's partner countries) or an
/// administrator (all) decides: accept, which creates the authority editor's account and mails the requester a link to choose
/// a password, or refuse with a reason the requester is mailed. Authority editors decide none.
/// </summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class EspaceDemandesModel(EditorAccessor editors, AccountRequestDesk desk, PasswordResetLinks links) : AccountPageModel
{
    /// <summary>How many decided requests are listed under the waiting ones.</summary>
    public const int DecidedShown = 20;

    public IReadOnlyList<AccountRequestView> Requests { get; private set; } = [];
    /// <summary>The request whose refusal was refused (no reason given), with that error.</summary>
    public long? ReasonFor { get; private set; }
    public string? ReasonError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        if (editor.Role == EditorRole.AuthorityEditor) return Forbid();
        Requests = await desk.ForDeciderAsync(editor, DecidedShown, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        if (editor.Role == EditorRole.AuthorityEditor) return Forbid();
        var decision = await desk.AcceptAsync(editor, id, ct);
        switch (decision)
        {
            case AccountRequestDecision.Accepted accepted:
                var account = accepted.Account;
                Notice = await links.SendAsync(account, Request,
                        $"Votre demande de compte d’éditeur pour {accepted.AuthorityName} est acceptée : vous pouvez désormais déclarer et tenir à jour ses partenariats et ses projets.")
                    ? $"La demande est acceptée : le compte de {account.DisplayName} est créé, et un lien pour choisir son mot de passe lui est envoyé à {account.Email}."
                    : $"La demande est acceptée et le compte de {account.DisplayName} créé, mais aucun lien n’a pu lui être envoyé : {PasswordResetLinks.Unsent}";
                return RedirectToPage();
            case AccountRequestDecision.Invalid invalid:
                FormError(invalid.Message);
                break;
        }
        return await NotDecidedAsync(editor, decision, ct);
    }

    public async Task<IActionResult> OnPostRefuseAsync(long id, string? reason, CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        if (editor.Role == EditorRole.AuthorityEditor) return Forbid();
        var decision = await desk.RefuseAsync(editor, id, reason, ct);
        switch (decision)
        {
            case AccountRequestDecision.Refused:
                Notice = "La demande est refusée ; la personne en est prévenue avec votre raison.";
                return RedirectToPage();
            case AccountRequestDecision.Invalid invalid:
                ReasonFor = id;
                ReasonError = invalid.Message;
                FormError("La demande n’a pas été refusée : voyez le message sous la raison du refus.");
                break;
        }
        return await NotDecidedAsync(editor, decision, ct);
    }

    /// <summary>
    /// A decision not taken: refused to this person, no longer waiting (decided meanwhile by someone else), or invalid (the
    /// page again, with the message the handler put beside the form).
    /// </summary>
    private async Task<IActionResult> NotDecidedAsync(Editor editor, AccountRequestDecision decision, CancellationToken ct)
    {
        switch (decision)
        {
            case AccountRequestDecision.Forbidden:
                return Forbid();
            case AccountRequestDecision.Invalid:
                Requests = await desk.ForDeciderAsync(editor, DecidedShown, ct);
                return Page();
            default:
                Notice = "Cette demande n’attend plus de décision.";
                return RedirectToPage();
        }
    }
}
