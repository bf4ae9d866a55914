using Atlas.Core.Data;
using Atlas.Web.Hosting;
using Atlas.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Pages.Admin.Comptes;

/// <summary>/admin/comptes: every account, its role, scope and state.</summary>
[Authorize(Policy = AtlasPolicies.Administrator)]
public sealed class AdminComptesIndexModel(AtlasDbContext db, TimeProvider time) : AccountPageModel
{
    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        Accounts = await db.Users.AsNoTracking()
            .OrderBy(u => u.IsDisabled).ThenBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new AccountRow(u.Id, u.DisplayName, u.Email, u.Role,
                db.DiplomaticPosts.Where(p => p.Id == u.DiplomaticPostId).Select(p => p.Name).FirstOrDefault()
                    ?? db.LocalAuthorities.Where(a => a.Id == u.LocalAuthorityId).Select(a => a.Name).FirstOrDefault(),
                u.IsDisabled, u.TwoFactorEnabled, u.LockoutEnd != null && u.LockoutEnd > now))
            .ToListAsync(ct);
    }
}
