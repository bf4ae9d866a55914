using Atlas.Core.Data;
using Atlas.Core.Domain;
using Atlas.Core.Editing;
using Atlas.Web.Hosting;
using Atlas.Web.Pages.Compte;
using Atlas.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Pages.Collectivites;

/// <summary>
/// /collectivites/{id}/modifier: an editor whose scope covers the authority edits its own record and its contacts. The form carries the version it
/// was loaded from, so that a save made over someone else's is shown their changes instead of overwriting them. Every editor's
/// change publishes directly: review applies to projects only.
/// </summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class ModifierModel(AtlasDbContext db, EditingScope scope, EditorAccessor editors, AuthorityEditing editing) : AccountPageModel
{
    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["name"] = "Nom",
        ["kind"] = "Type de collectivité",
        ["population"] = "Population",
        ["populationYear"] = "Année de la population",
        ["leaderName"] = "Nom de l'exécutif",
        ["leaderTitle"] = "Titre de l'exécutif",
        ["website"] = "Site internet",
        ["inseeCode"] = "Code INSEE",
        ["siren"] = "Numéro SIREN",
    };

    [BindProperty]
    public AuthorityValues Values { get; set; } = new();

    [BindProperty]
    public List<ContactRow> Contacts { get; set; } = [];

    [BindProperty]
    public uint Version { get; set; }

    public LocalAuthority Authority { get; private set; } = null!;
    public bool Denied { get; private set; }
    /// <summary>What someone else changed since the version the person loaded, when their save was refused.</summary>
    public IReadOnlyList<string>? ConflictLines { get; private set; }
    public IReadOnlyList<FieldOption> KindOptions { get; } =
        Enum.GetValues<AuthorityKind>().Select(k => new FieldOption(EnumCode<AuthorityKind>.ToCode(k), Labels.Kind(k))).ToList();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        Values = AuthorityValues.Of(Authority);
        Contacts = ContactForm.Rows(Values.Contacts);
        Version = Authority.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        if (!ModelState.IsValid) return Invalid();

        var lines = ContactForm.Lines(Contacts);
        Values.Contacts = lines.Select(l => l.Values).ToList();
        switch (await editing.SaveAsync(editors.Current!, id, Version, Values, ct))
        {
            case EditResult.Saved:
                TempData[nameof(DetailModel.Notice)] = "Vos modifications ont été enregistrées.";
                return Redirect($"/collectivites/{id}");
            case EditResult.Invalid invalid:
                ContactForm.AddErrors(ModelState, invalid, lines, nameof(Values));
                return Invalid();
            case EditResult.Conflict conflict:
                ModelState.Remove(nameof(Version));
                Version = conflict.CurrentVersion;
                ConflictLines = conflict.Changes.Count > 0
                    ? Conflict(conflict.Changes)
                    : ["La collectivité a été modifiée depuis que vous avez ouvert ce formulaire."];
                return Page();
            case EditResult.Forbidden:
                return Deny();
            default:
                return NotFound();
        }
    }

    /// <summary>One line per field someone else changed (the authority's own, its contacts'), with the value it has now (the last one saved).</summary>
    private static IReadOnlyList<string> Conflict(IReadOnlyList<ChangedField> changes) =>
        ContactForm.Conflict(changes, RecordedTypes.NameOf<LocalAuthority>(), f => FieldLabels.GetValueOrDefault(f, f), Value);

    private static string Value(string field, string? value) => (field, value) switch
    {
        (_, null) => "(vide)",
        ("kind", _) when EnumCode<AuthorityKind>.TryParse(value, out var kind) => Labels.Kind(kind),
        _ => value,
    };

    private IActionResult Invalid()
    {
        FormError("La collectivité n'a pas été enregistrée : corrigez les champs signalés.");
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(int id, CancellationToken ct)
    {
        var authority = await db.LocalAuthorities.AsNoTracking().Include(a => a.Country).Include(a => a.Contacts)
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (authority is null) return NotFound();
        Authority = authority;
        if (editors.Current is not { } editor) return Challenge();
        if (!await scope.MayEditAuthorityAsync(editor, id, ct)) return Deny();
        return null;
    }

    private IActionResult Deny()
    {
        Denied = true;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
