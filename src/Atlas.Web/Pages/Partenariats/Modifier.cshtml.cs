namespace Atlas.Web.Pages.Partenariats;

/// <summary>
/// /partenariats/{id}/modifier: an editor whose scope covers the partnership edits its fields, themes and authorities. Authorities
/// are picked among existing ones by name (<see cref="RecordPicker"/>): a search posts the form, saves nothing and shows it again
/// with the authorities found. The form carries the version it was loaded from, so that a save made over someone else's is shown
/// their changes instead of overwriting them. Every editor's change publishes directly: review applies to projects only.
/// /partenariats/nouveau: the same form, empty, creates a partnership; an authority editor's is saved as a draft instead
/// (<see cref="Drafts"/>), at /partenariats/brouillons/{id}, completed over several sessions and submitted for review (handler
/// Submit): it is published only when a reviewer approves it, as a declared project is.
/// </summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class PartenariatsModifierModel(PartnershipEditQuery partnerships, PickableRecords records, EditingScope scope, ReferenceCatalog catalog, EditorAccessor editors,
    PartnershipEditing editing, Drafts drafts)
    : EditPageModel
{
    private const string AuthorityField = $"{nameof(Values)}.{nameof(PartnershipValues.AuthorityIds)}";
    private const string ThemeField = $"{nameof(Values)}.{nameof(PartnershipValues.ThemeIds)}";

    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["title"] = "Titre",
        ["legalFrame"] = "Cadre juridique",
        ["signedOn"] = "Date de signature",
        ["signedYear"] = "Année de signature",
        ["status"] = "Statut",
        ["history"] = "Historique",
        ["domains"] = "Domaines",
    };

    [BindProperty]
    public PartnershipValues Values { get; set; } = new();

    [BindProperty]
    public List<ContactRow> Contacts { get; set; } = [];

    public Partnership Partnership { get; private set; } = null!;
    /// <summary>The form creates a partnership (/partenariats/nouveau) rather than edits one.</summary>
    public bool IsNew => Partnership.Id == 0;
    public IReadOnlyList<FieldOption> StatusOptions { get; } =
        Enum.GetValues<PartnershipStatus>().Select(s => new FieldOption(EnumCode<PartnershipStatus>.ToCode(s), Labels.Status(s))).ToList();
    /// <summary>The theme tree in reading order, each node offered as a choice.</summary>
    public IReadOnlyList<ThemeNode> ThemeOptions { get; private set; } = [];
    public RecordPicker AuthorityPicker { get; private set; } = null!;
    /// <summary>The form declares a new partnership as its author's draft (an authority editor's new partnership).</summary>
    public bool IsDraft { get; private set; }
    /// <summary>The draft the form saves, once saved.</summary>
    public PartnershipDraft? Draft { get; private set; }
    /// <summary>Refused as someone else's draft (rather than a new partnership out of scope).</summary>
    public bool OthersDraft { get; private set; }
    /// <summary>Where the form posts: the draft's own address once it is saved, else the page's.</summary>
    public string? FormAction => Draft?.Path;
    /// <summary>What the draft's form shows around its fields.</summary>
    public DraftForm DraftForm => new(Draft, "partenariat", "/partenariats/nouveau");

    public async Task<IActionResult> OnGetAsync(int? id, long? brouillon, CancellationToken ct)
    {
        if (await PrepareAsync(id, brouillon, ct) is { } refused) return refused;
        Values = Draft?.Values ?? PartnershipValues.Of(Partnership);
        // A declared partnership starts with its author's authority, the one it must take in.
        if (IsDraft && Draft is null && editors.Current!.LocalAuthorityId is { } own) Values.AuthorityIds = [own];
        Version = Partnership.Version;
        Contacts = ContactForm.Rows(Values.Contacts ?? []);
        await PickerAsync(null, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int? id, long? brouillon, CancellationToken ct) => SaveAsync(id, brouillon, submit: false, ct);

    /// <summary>A declared partnership's draft saved, then submitted for review; on any other form, the same as saving.</summary>
    public Task<IActionResult> OnPostSubmitAsync(int? id, long? brouillon, CancellationToken ct) => SaveAsync(id, brouillon, submit: true, ct);

    private async Task<IActionResult> SaveAsync(int? id, long? brouillon, bool submit, CancellationToken ct)
    {
        if (await PrepareAsync(id, brouillon, ct) is { } refused) return refused;
        // A name typed in the authority search: show the authorities found, save nothing.
        if (RecordPicker.TypedSearch(Request, AuthorityField) is { } typed)
        {
            await PickerAsync(await RecordPicker.FindAsync(records, PickerList.Authorities, typed, ct), ct);
            return Page();
        }
        if (!ModelState.IsValid) return await InvalidAsync(ct);

        var contacts = ContactForm.Lines(Contacts);
        Values.Contacts = contacts.Select(l => l.Values).ToList();
        if (IsDraft) return await SaveDraftAsync(submit, contacts, ct);
        var result = IsNew ? await editing.CreateAsync(editors.Current!, Values, ct) : await editing.SaveAsync(editors.Current!, Partnership.Id, Version, Values, ct);
        switch (result)
        {
            case EditResult.Created created:
                TempData[nameof(PartenariatsDetailModel.Notice)] = "Le partenariat a été créé.";
                return Redirect($"/partenariats/{created.Id}");
            case EditResult.Saved:
                TempData[nameof(PartenariatsDetailModel.Notice)] = "Vos modifications ont été enregistrées.";
                return Redirect($"/partenariats/{Partnership.Id}");
            case EditResult.Invalid invalid:
                FieldErrors(invalid, field => FormField(field, contacts));
                return await InvalidAsync(ct);
            case EditResult.Conflict conflict:
                var page = Conflicted(conflict.CurrentVersion, conflict.Changes.Count > 0 ? await ConflictAsync(conflict.Changes, ct) : [],
                    "Le partenariat a été modifié depuis que vous avez ouvert ce formulaire.");
                // The authorities it has now that the form has not: offered unticked, so that saving again keeps them only if ticked.
                var stored = await partnerships.AuthorityIdsAsync(Partnership.Id, ct);
                var added = await records.NamedAsync(PickerList.Authorities, stored.Except(Values.AuthorityIds), ct);
                await PickerAsync(added.Count == 0 ? null : new PickerSearch("", added, Heading: "Collectivités ajoutées entre-temps"), ct);
                return page;
            case EditResult.Forbidden when IsNew:
                // Kept on the form, as the authorities chosen are what the editor can change.
                Response.StatusCode = StatusCodes.Status403Forbidden;
                ModelState.AddModelError(AuthorityField, "Un nouveau partenariat doit compter une collectivité de votre périmètre.");
                return await InvalidAsync(ct);
            case EditResult.Forbidden:
                return Deny();
            default:
                return NotFound();
        }
    }

    /// <summary>
    /// Saves the declared partnership's draft (a title and the author's authority are all it needs), then, when asked, submits
    /// it: the rules of a new partnership are checked then, and what they refuse is shown beside its field, the draft kept as typed.
    /// </summary>
    private async Task<IActionResult> SaveDraftAsync(bool submit, IReadOnlyList<(int Row, ContactValues Values)> contacts, CancellationToken ct) =>
        await DraftSaving.SubmitIfAskedAsync(this, drafts, editors.Current!, PendingChangeKind.NewPartnership, Values.Title, submit,
            await drafts.SavePartnershipAsync(editors.Current!, Draft?.Id, Values, ct),
            async id => Draft = await drafts.FindAsync(editors.Current!, id, ct) as PartnershipDraft,
            (result, message) => DraftRefusedAsync(result, contacts, message, ct), ct);

    private async Task<IActionResult> DraftRefusedAsync(EditResult result, IReadOnlyList<(int Row, ContactValues Values)> contacts, string? message, CancellationToken ct)
    {
        switch (result)
        {
            case EditResult.Invalid invalid:
                FieldErrors(invalid, field => FormField(field, contacts));
                FormError(message ?? "Le brouillon n'a pas été enregistré : corrigez les champs signalés.");
                await PickerAsync(null, ct);
                return Page();
            case EditResult.Conflict:
                return DraftSaving.InReview(this, "partenariat");
            case EditResult.Forbidden:
                // The author's own draft: refused for its authorities, kept on the form as a new partnership is.
                Response.StatusCode = StatusCodes.Status403Forbidden;
                ModelState.AddModelError(AuthorityField, "Un nouveau partenariat doit compter une collectivité de votre périmètre.");
                return await InvalidAsync(ct);
            default:
                return NotFound();
        }
    }

    /// <summary>A value as the person typed it, else the one loaded, for the fields drawn without the form-field helper.</summary>
    public string? Shown(string name, string? loaded) =>
        ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is { } typed ? typed : loaded;

    public IReadOnlyList<string> Errors(string name) =>
        ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    /// <summary>Where the form shows a rule's error: "AuthorityIds[1]" beside the authorities, "Title" beside Values.Title.</summary>
    private static string FormField(string field, IReadOnlyList<(int Row, ContactValues Values)> contacts) =>
        field.StartsWith(nameof(PartnershipValues.AuthorityIds), StringComparison.Ordinal) ? AuthorityField
        : field.StartsWith(nameof(PartnershipValues.ThemeIds), StringComparison.Ordinal) ? ThemeField
        : ContactForm.FormField(field, contacts, nameof(Values));

    private async Task PickerAsync(PickerSearch? search, CancellationToken ct) =>
        AuthorityPicker = new RecordPicker(PickerList.Authorities, AuthorityField, "Collectivités partenaires", Multiple: true,
            await records.NamedAsync(PickerList.Authorities, Values.AuthorityIds, ct), search, Errors(AuthorityField),
            "Au moins une collectivité française et une collectivité étrangère. Décochez une collectivité pour la retirer ; cherchez-en une par son nom pour l'ajouter.");

    private async Task<IActionResult> InvalidAsync(CancellationToken ct)
    {
        FormError("Le partenariat n'a pas été enregistré : corrigez les champs signalés.");
        await PickerAsync(null, ct);
        return Page();
    }

    /// <summary>One line per field, authority or theme someone else changed, with the value it has now.</summary>
    private async Task<IReadOnlyList<string>> ConflictAsync(IReadOnlyList<ChangedField> changes, CancellationToken ct)
    {
        var reference = await catalog.GetAsync(ct);
        var authorityType = RecordedTypes.NameOf<PartnershipAuthority>();
        var themeType = RecordedTypes.NameOf<PartnershipTheme>();
        var authorityIds = changes.Where(c => c.EntityType == authorityType).Select(c => LinkedId(c.EntityId)).ToList();
        var authorities = (await records.NamedAsync(PickerList.Authorities, authorityIds, ct)).ToDictionary(a => a.Id, a => a.Label);
        var own = changes.Where(c => c.Field is not null && c.EntityType == RecordedTypes.NameOf<Partnership>())
            .GroupBy(c => c.Field!, StringComparer.Ordinal).Select(g => g.Last())
            .Select(c => $"{FieldLabels.GetValueOrDefault(c.Field!, c.Field!)} : maintenant « {Value(c.Field!, c.New)} » (modifié par {c.UserName})");
        var links = changes.Where(c => c.Field is null && (c.EntityType == authorityType || c.EntityType == themeType))
            .Select(c => c.EntityType == authorityType
                ? $"Collectivité {(c.Action == ChangeAction.Deleted ? "retirée" : "ajoutée")} : {authorities.GetValueOrDefault(LinkedId(c.EntityId))} (par {c.UserName})"
                : $"Thématique {(c.Action == ChangeAction.Deleted ? "retirée" : "ajoutée")} : {reference.ThemesById.GetValueOrDefault(LinkedId(c.EntityId))?.Name} (par {c.UserName})");
        return own.Concat(links).ToList();
    }

    /// <summary>The authority or theme of a link record keyed "{partnership}/{id}".</summary>
    private static int LinkedId(string entityId) => int.Parse(entityId[(entityId.IndexOf('/', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);

    private static string Value(string field, string? value) => (field, value) switch
    {
        (_, null) => "(vide)",
        ("status", _) when EnumCode<PartnershipStatus>.TryParse(value, out var status) => Labels.Status(status),
        _ => value,
    };

    private async Task<IActionResult?> PrepareAsync(int? id, long? draftId, CancellationToken ct)
    {
        if (draftId is { } draft) return await PrepareDraftAsync(draft, ct);
        if (id is null)
        {
            Partnership = new Partnership { Title = "", Status = PartnershipStatus.Active };
            if (editors.Current is not { } author) return Challenge();
            IsDraft = Drafts.DeclaresDrafts(author);
            ThemeOptions = ThemeTree(await catalog.GetAsync(ct), null).ToList();
            return null;
        }
        var partnership = await partnerships.EditableAsync(id.Value, withContacts: true, ct);
        if (partnership is null) return NotFound();
        Partnership = partnership;
        if (editors.Current is not { } editor) return Challenge();
        if (!await scope.MayEditPartnershipAsync(editor, id.Value, ct)) return Deny();
        var reference = await catalog.GetAsync(ct);
        ThemeOptions = ThemeTree(reference, null).ToList();
        return null;
    }

    /// <summary>The author's draft of a new partnership, while it is theirs to change; someone else's is refused.</summary>
    private async Task<IActionResult?> PrepareDraftAsync(long draftId, CancellationToken ct)
    {
        Partnership = new Partnership { Title = "", Status = PartnershipStatus.Active };
        if (editors.Current is not { } editor) return Challenge();
        var (draft, instead) = await DraftSaving.OpenAsync<PartnershipDraft>(this, drafts, editor, draftId, "partenariat", () =>
        {
            OthersDraft = true;
            return Deny();
        }, ct);
        if (instead is not null) return instead;
        Draft = draft!;
        Partnership.Title = Draft.Title;
        IsDraft = true;
        ThemeOptions = ThemeTree(await catalog.GetAsync(ct), null).ToList();
        return null;
    }

    private static IEnumerable<ThemeNode> ThemeTree(ReferenceCatalog.Snapshot reference, int? parent) =>
        reference.Children(parent).SelectMany(t => ThemeTree(reference, t.Id).Prepend(t));
}
