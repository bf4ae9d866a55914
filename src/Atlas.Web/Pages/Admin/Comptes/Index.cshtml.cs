namespace Atlas.Web.Pages.Admin.Comptes;

/// <summary>/admin/comptes: every account, its role, scope and state.</summary>
[Authorize(Policy = AtlasPolicies.Administrator)]
public sealed class AdminComptesIndexModel(AccountScopeQuery accounts, TimeProvider time) : AccountPageModel
{
    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await accounts.AccountsAsync(time.GetUtcNow(), ct);
}
