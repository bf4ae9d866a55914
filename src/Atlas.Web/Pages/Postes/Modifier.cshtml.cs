using System.Globalization;
using Atlas.Core.Accounts;
using Atlas.Core.DiplomaticPosts;
using Atlas.Core.Domain;
using Atlas.Core.Editing;
using Atlas.Web.Hosting;
using Atlas.Web.Pages.Compte;
using Atlas.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Atlas.Web.Pages.Postes;

/// <summary>
/// /postes/{id}/modifier: an administrator edits any post, a correspondent their own post's name, city and contacts. The
/// countries a post covers define its correspondents' scope: only an administrator sees them as a field. The form carries the
/// version it was loaded from, so that a save made over someone else's is shown their changes instead of overwriting them.
/// </summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class ModifierModel(DiplomaticPostQuery posts, EditingScope scope, EditorAccessor editors, DiplomaticPostEditing editing) : AccountPageModel
{
    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["name"] = "Nom du poste",
        ["city"] = "Ville",
    };

    private static readonly char[] CountrySeparators = [',', ';', ' '];

    [BindProperty]
    public DiplomaticPostValues Values { get; set; } = new();

    /// <summary>The countries covered, as ISO codes separated by commas ("MA, TN"): an administrator's field only.</summary>
    [BindProperty]
    public string? Countries { get; set; }

    [BindProperty]
    public List<ContactRow> Contacts { get; set; } = [];

    [BindProperty]
    public uint Version { get; set; }

    public DiplomaticPost Post { get; private set; } = null!;
    public bool Denied { get; private set; }
    public bool MayChangeCountries { get; private set; }
    /// <summary>What someone else changed since the version the person loaded, when their save was refused.</summary>
    public IReadOnlyList<string>? ConflictLines { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        Values = DiplomaticPostValues.Of(Post);
        Countries = string.Join(", ", Values.Countries!);
        Contacts = ContactForm.Rows(Values.Contacts);
        Version = Post.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        if (!ModelState.IsValid) return Invalid();

        var lines = ContactForm.Lines(Contacts);
        Values.Contacts = lines.Select(l => l.Values).ToList();
        // A correspondent's form has no countries: theirs stay as they are.
        Values.Countries = MayChangeCountries ? [.. (Countries ?? "").Split(CountrySeparators, StringSplitOptions.RemoveEmptyEntries)] : null;
        switch (await editing.SaveAsync(editors.Current!, id, Version, Values, ct))
        {
            case EditResult.Saved:
                TempData[nameof(DetailModel.Notice)] = "Vos modifications ont été enregistrées.";
                return Redirect($"/postes/{id}");
            case EditResult.Invalid invalid:
                foreach (var (field, errors) in invalid.Errors)
                {
                    var shown = field.StartsWith(nameof(DiplomaticPostValues.Countries), StringComparison.Ordinal)
                        ? nameof(Countries) : ContactForm.FormField(field, lines, nameof(Values));
                    foreach (var error in errors) ModelState.AddModelError(shown, error.Message);
                }
                return Invalid();
            case EditResult.Conflict conflict:
                ModelState.Remove(nameof(Version));
                Version = conflict.CurrentVersion;
                ConflictLines = conflict.Changes.Count > 0
                    ? ContactForm.Conflict(conflict.Changes, RecordedTypes.NameOf<DiplomaticPost>(), f => FieldLabels.GetValueOrDefault(f, f),
                        (_, value) => value ?? "(vide)")
                    : ["Le poste a été modifié depuis que vous avez ouvert ce formulaire."];
                return Page();
            case EditResult.Forbidden:
                return Deny();
            default:
                return NotFound();
        }
    }

    private IActionResult Invalid()
    {
        FormError("Le poste n'a pas été enregistré : corrigez les champs signalés.");
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(int id, CancellationToken ct)
    {
        if (await posts.GetAsync(id, ct) is not { } post) return NotFound();
        Post = post;
        if (editors.Current is not { } editor) return Challenge();
        if (!await scope.MayEditDiplomaticPostAsync(editor, id, ct)) return Deny();
        MayChangeCountries = editor.Role == EditorRole.Administrator;
        return null;
    }

    private IActionResult Deny()
    {
        Denied = true;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    public static string CountryList(DiplomaticPost post) =>
        string.Join(", ", post.Countries.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Country?.Name ?? c.CountryCode} ({c.CountryCode})")));
}
