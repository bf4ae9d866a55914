namespace Atlas.Web.Pages.Collectivites;

/// <summary>
/// /collectivites/{id}/modifier: an editor whose scope covers the authority edits its own record and its contacts. Every
/// editor's change publishes directly: review applies to projects only.
/// </summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class CollectivitesModifierModel(AuthorityEditQuery authorities, EditingScope scope, EditorAccessor editors, AuthorityEditing editing) : RecordEditPageModel
{
    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["name"] = "Nom",
        ["alternateNames"] = AlternateNamesForm.Label,
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

    /// <summary>The other names, one a line (<see cref="AlternateNamesForm"/>).</summary>
    [BindProperty]
    public string? AlternateNames { get; set; }

    public LocalAuthority Authority { get; private set; } = null!;
    public IReadOnlyList<FieldOption> KindOptions { get; } =
        Enum.GetValues<AuthorityKind>().Select(k => new FieldOption(EnumCode<AuthorityKind>.ToCode(k), Labels.Kind(k))).ToList();

    protected override string NotSaved => "La collectivité n'a pas été enregistrée : corrigez les champs signalés.";
    protected override string ChangedSince => "La collectivité a été modifiée depuis que vous avez ouvert ce formulaire.";
    protected override string RecordType => RecordedTypes.NameOf<LocalAuthority>();

    protected override string Label(string field) => FieldLabels.GetValueOrDefault(field, field);

    /// <summary>An error of one of the other names, or of their list, beside their text area.</summary>
    protected override string FormField(string field, IReadOnlyList<(int Row, Atlas.Core.Contacts.ContactValues Values)> lines) =>
        AlternateNamesForm.IsErrorOf(field) ? nameof(AlternateNames) : base.FormField(field, lines);

    public IReadOnlyList<string> Errors(string name) =>
        ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    protected override string Shown(string field, string? value) => (field, value) switch
    {
        ("kind", _) when EnumCode<AuthorityKind>.TryParse(value, out var kind) => Labels.Kind(kind),
        _ => base.Shown(field, value),
    };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        Values = AuthorityValues.Of(Authority);
        AlternateNames = AlternateNamesForm.Text(Values.AlternateNames);
        Contacts = ContactForm.Rows(Values.Contacts ?? []);
        Version = Authority.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        if (!ModelState.IsValid) return Invalid();

        var lines = ContactForm.Lines(Contacts);
        Values.Contacts = lines.Select(l => l.Values).ToList();
        Values.AlternateNames = AlternateNamesForm.Names(AlternateNames);
        return Outcome(await editing.SaveAsync(editors.Current!, id, Version, Values, ct), lines, $"/collectivites/{id}");
    }

    private async Task<IActionResult?> PrepareAsync(int id, CancellationToken ct)
    {
        var authority = await authorities.EditableAsync(id, withContacts: true, ct);
        if (authority is null) return NotFound();
        Authority = authority;
        if (editors.Current is not { } editor) return Challenge();
        if (!await scope.MayEditAuthorityAsync(editor, id, ct)) return Deny();
        return null;
    }
}
