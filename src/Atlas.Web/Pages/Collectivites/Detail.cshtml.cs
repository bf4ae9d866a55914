using Atlas.Core.Authorities;
using Atlas.Core.Editing;
using Atlas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Atlas.Web.Pages.Collectivites;

/// <summary>/collectivites/{id}: a French or foreign local authority, its partnerships and projects.</summary>
public sealed class DetailModel(AuthorityProfileQuery profiles, EditorAccessor editors, EditingScope scope) : PageModel
{
    /// <summary>The confirmation of an edit just saved, shown once.</summary>
    [TempData]
    public string? Notice { get; set; }
    /// <summary>"Modifier" only for an editor whose scope covers the authority.</summary>
    public bool MayEdit { get; private set; }
    public AuthorityProfile Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(id, ct);
        if (profile is null) return NotFound();
        Profile = profile;
        if (editors.Current is { } editor) MayEdit = await scope.MayEditAuthorityAsync(editor, id, ct);
        return Page();
    }

    /// <summary>The website as a link target, only when it is an absolute http(s) address.</summary>
    public Uri? Website =>
        Uri.TryCreate(Profile.Authority.Website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri : null;
}
