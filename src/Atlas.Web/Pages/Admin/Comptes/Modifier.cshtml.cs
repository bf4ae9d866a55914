using Atlas.Web.Pages.Compte;

namespace Atlas.Web.Pages.Admin.Comptes;

/// <summary>/admin/comptes/{id}: an administrator changes an account's name, role and scope, disables or re-enables it, unlocks it.</summary>
[Authorize(Policy = AtlasPolicies.Administrator)]
public sealed class AdminComptesModifierModel(UserManager<AtlasUser> users, PasswordResetLinks links, AccountScopes scopes, EditorAccessor editors, TimeProvider time)
    : AccountFormModel(scopes)
{

    [FromRoute]
    public int Id { get; set; }

    /// <summary>The version of the account the form was filled from; a save over another version is refused.</summary>
    [BindProperty]
    public string? Stamp { get; set; }

    public AtlasUser Account { get; private set; } = null!;
    public bool IsLockedOut { get; private set; }
    public bool IsSelf { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAccountAsync()) return NotFound();
        Fill();
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAccountAsync()) return NotFound();
        if (IsSearch)
        {
            await SearchAsync(ct);
            return Page();
        }

        await ValidateScopeAsync(ct);
        if (IsSelf && ParsedRole is { } role && role != Account.Role)
            ModelState.AddModelError(nameof(Role), "Vous ne pouvez pas changer le rôle de votre propre compte : demandez-le à un autre administrateur.");
        if (Stamp != Account.ConcurrencyStamp) ChangedMeanwhile(await Scopes.DescribeAsync(Account.Role, Account.DiplomaticPostId, Account.LocalAuthorityId, ct));
        if (!ModelState.IsValid)
        {
            await LoadOptionsAsync(ct);
            return Page();
        }

        Account.DisplayName = Trimmed(DisplayName);
        Account.Role = ParsedRole!.Value;
        Account.DiplomaticPostId = DiplomaticPostId;
        Account.LocalAuthorityId = LocalAuthorityId;
        // The account's open sessions take the new role and scope at their next check (a minute at most).
        var result = await users.UpdateAsync(Account);
        if (!result.Succeeded)
        {
            await LoadAccountAsync();
            ChangedMeanwhile(await Scopes.DescribeAsync(Account.Role, Account.DiplomaticPostId, Account.LocalAuthorityId, ct));
            await LoadOptionsAsync(ct);
            return Page();
        }
        Notice = $"Le compte de {Account.DisplayName} est enregistré.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostDesactiverAsync() => await ChangeAsync(async user =>
    {
        if (IsSelf) return "Vous ne pouvez pas désactiver votre propre compte.";
        user.IsDisabled = true;
        // Saved with a new security stamp, which ends the sessions the account has open at their next check.
        await users.UpdateSecurityStampAsync(user);
        return $"Le compte de {user.DisplayName} est désactivé : il ne peut plus se connecter, et ses sessions ouvertes se terminent.";
    });

    public async Task<IActionResult> OnPostReactiverAsync() => await ChangeAsync(async user =>
    {
        user.IsDisabled = false;
        await users.UpdateAsync(user);
        return $"Le compte de {user.DisplayName} est réactivé.";
    });

    public async Task<IActionResult> OnPostDeverrouillerAsync() => await ChangeAsync(async user =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return $"Le compte de {user.DisplayName} est déverrouillé.";
    });

    public async Task<IActionResult> OnPostLienAsync() => await ChangeAsync(async user =>
    {
        if (user.IsDisabled) return "Ce compte est désactivé : réactivez-le avant de lui envoyer un lien.";
        return await links.SendAsync(user, Request)
            ? $"Un lien pour choisir un nouveau mot de passe a été envoyé à {user.Email}."
            : $"Aucun lien n'a pu être envoyé : {PasswordResetLinks.Unsent}";
    });

    // What the administrator typed stays in the form; the next save, made knowingly, goes through.
    private void ChangedMeanwhile(string current)
    {
        FormError($"Ce compte vient d'être modifié par ailleurs ; il est maintenant : {Account.DisplayName}, {current}. " +
            "Vérifiez vos changements, puis enregistrez à nouveau.");
        Stamp = Account.ConcurrencyStamp;
        ModelState.Remove(nameof(Stamp));
    }

    private async Task<IActionResult> ChangeAsync(Func<AtlasUser, Task<string>> change)
    {
        if (!await LoadAccountAsync()) return NotFound();
        Notice = await change(Account);
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAccountAsync()
    {
        if (await users.FindByIdAsync(Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } user) return false;
        Account = user;
        IsLockedOut = user.LockoutEnd is { } end && end > time.GetUtcNow();
        IsSelf = editors.Current?.UserId == user.Id;
        return true;
    }

    private void Fill()
    {
        DisplayName = Account.DisplayName;
        Role = EnumCode<EditorRole>.ToCode(Account.Role);
        DiplomaticPostId = Account.DiplomaticPostId;
        LocalAuthorityId = Account.LocalAuthorityId;
        Stamp = Account.ConcurrencyStamp;
    }
}
