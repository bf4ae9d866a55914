namespace Atlas.Web.Pages.Projets;

/// <summary>
/// /projets/{id}/modifier: an editor whose scope covers the project edits its fields and funding lines. The form carries the
/// version it was loaded from, so that a save made over someone else's is shown their changes instead of overwriting them.
/// /projets/nouveau?partenariat={id}: the same form, empty, creates a project in a partnership the editor may edit; an
/// authority editor's is saved as a draft instead (<see cref="Drafts"/>), at /projets/brouillons/{id}, completed over
/// several sessions and submitted for review (handler Submit): it is published only when a reviewer approves it.
/// </summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class ProjetsModifierModel(ProjectEditQuery projects, EditingScope scope, ReferenceCatalog catalog, EditorAccessor editors, ProjectSubmission submission,
    ProjectEditing editing, Drafts drafts)
    : EditPageModel
{
    /// <summary>How many blank funding rows the form offers for new lines.</summary>
    public const int BlankRows = 2;

    [BindProperty]
    public ProjectValues Values { get; set; } = new();

    [BindProperty]
    public List<FundingLineRow> Rows { get; set; } = [];

    [BindProperty]
    public List<ParticipantRow> ParticipantRows { get; set; } = [];

    [BindProperty]
    public List<VolunteerRow> VolunteerRows { get; set; } = [];

    [BindProperty]
    public List<ContactRow> Contacts { get; set; } = [];

    public Project Project { get; private set; } = null!;
    /// <summary>The form creates a project rather than edits one.</summary>
    public bool IsNew => Project.Id == 0;
    /// <summary>The form declares a new project as its author's draft (an authority editor's new project).</summary>
    public bool IsDraft { get; private set; }
    /// <summary>The draft the form saves, once saved.</summary>
    public ProjectDraft? Draft { get; private set; }
    /// <summary>Where the form posts: the draft's own address once it is saved, else the page's.</summary>
    public string? FormAction => Draft?.Path;
    /// <summary>What the draft's form shows around its fields.</summary>
    public DraftForm DraftForm => new(Draft, "projet", FormattableString.Invariant($"/projets/nouveau?partenariat={Project.PartnershipId}"));
    public IReadOnlyList<FieldOption> StatusOptions { get; } =
        Enum.GetValues<ProjectStatus>().Select(s => new FieldOption(EnumCode<ProjectStatus>.ToCode(s), Labels.Status(s))).ToList();
    public IReadOnlyList<FieldOption> YesNo { get; } = [new("True", "Oui"), new("False", "Non")];
    public IReadOnlyList<FieldOption> ThemeOptions { get; private set; } = [];
    public IReadOnlyList<FieldOption> CurrencyOptions { get; private set; } = [];
    public List<FieldOption> FunderOptions { get; private set; } = [];
    public IReadOnlyList<FieldOption> RoleOptions { get; } =
        Enum.GetValues<ParticipantRole>().Select(r => new FieldOption(EnumCode<ParticipantRole>.ToCode(r), Labels.Role(r))).ToList();

    public async Task<IActionResult> OnGetAsync(int? id, int? partenariat, long? brouillon, CancellationToken ct)
    {
        if (await PrepareAsync(id, partenariat, brouillon, ct) is { } refused) return refused;
        if (Draft is { } draft)
        {
            Values = draft.Values;
            var names = FunderOptions.ToDictionary(o => o.Value, o => o.Label, StringComparer.Ordinal);
            Rows = draft.Values.Fundings.Select(FundingLineRow.Of).ToList();
            ParticipantRows = (draft.Values.Participants ?? []).Select(p => ParticipantRow.Of(p,
                names.GetValueOrDefault(PartyKey.Of(p.LocalAuthorityId, p.OrganisationId) ?? ""))).ToList();
            VolunteerRows = (draft.Values.Volunteers ?? []).Select(v => new VolunteerRow { Values = v }).ToList();
        }
        else
        {
            Values = ProjectValues.Of(Project);
            Version = Project.Version;
            Rows = Project.Fundings.OrderBy(f => f.SortOrder).Select(FundingLineRow.Of).ToList();
            ParticipantRows = Project.Participants.OrderBy(pp => pp.SortOrder).Select(ParticipantRow.Of).ToList();
            VolunteerRows = Project.Volunteers.OrderBy(v => v.Id).Select(VolunteerRow.Of).ToList();
        }
        Rows.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new FundingLineRow()));
        ParticipantRows.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new ParticipantRow()));
        VolunteerRows.Add(new VolunteerRow());
        Contacts = ContactForm.Rows(Values.Contacts ?? []);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int? id, int? partenariat, long? brouillon, CancellationToken ct) => SaveAsync(id, partenariat, brouillon, submit: false, ct);

    /// <summary>A declared project's draft saved, then submitted for review; on any other form, the same as saving.</summary>
    public Task<IActionResult> OnPostSubmitAsync(int? id, int? partenariat, long? brouillon, CancellationToken ct) => SaveAsync(id, partenariat, brouillon, submit: true, ct);

    private async Task<IActionResult> SaveAsync(int? id, int? partenariat, long? brouillon, bool submit, CancellationToken ct)
    {
        // A save of a project reads nothing of it for the form: Core locks it, checks the editor's scope and loads it itself.
        // The form's project and choices (7 statements of the 67 a save ran at scale 1, issue 15) are read only to show the
        // form again, which also answers an editor out of scope or a project not found, as before the save. A new project
        // and a draft are prepared first: their form says which partnership and which draft.
        var saving = id is not null && editors.Current is not null;
        if (!saving && await PrepareAsync(id, partenariat, brouillon, ct) is { } refused) return refused;
        var lines = await FundingLinesAsync(ct);
        var participants = await ParticipantLinesAsync(ct);
        var volunteers = Enumerable.Range(0, VolunteerRows.Count).Where(i => !VolunteerRows[i].Remove && !VolunteerRows[i].IsBlank)
            .Select(i => (Row: i, VolunteerRows[i].Values)).ToList();
        var contacts = ContactForm.Lines(Contacts);
        if (!ModelState.IsValid) return saving && await PrepareAsync(id, partenariat, brouillon, ct) is { } gone ? gone : Invalid();

        Values.Fundings = lines.Select(l => l.Values).ToList();
        Values.Participants = participants.Select(l => l.Values).ToList();
        Values.Volunteers = volunteers.Select(l => l.Values).ToList();
        Values.Contacts = contacts.Select(l => l.Values).ToList();
        if (IsDraft) return await SaveDraftAsync(submit, new(lines, participants, volunteers, contacts), ct);
        if (id is null)
        {
            var created = await editing.CreateAsync(editors.Current!, Project.PartnershipId!.Value, Values, ct);
            if (created is EditResult.Created project)
            {
                TempData[nameof(ProjetsDetailModel.Notice)] = "Le projet a été créé.";
                return Redirect($"/projets/{project.Id}");
            }
            return await RefusedAsync(created, new(lines, participants, volunteers, contacts), null, ct);
        }
        // An authority editor's change waits for the correspondent's review; the others' publish directly.
        var submitted = await submission.SaveAsync(editors.Current!, id.Value, Version, Values, ct);
        if (submitted is SubmissionResult.Submitted)
        {
            TempData[nameof(ProjetsDetailModel.Notice)] = "Votre modification a été soumise à la relecture du correspondant.";
            return Redirect($"/projets/{id}");
        }
        var result = ((SubmissionResult.Applied)submitted).Result;
        if (result is EditResult.Saved)
        {
            TempData[nameof(ProjetsDetailModel.Notice)] = "Vos modifications ont été enregistrées.";
            return Redirect($"/projets/{id}");
        }
        if (saving && await PrepareAsync(id, partenariat, brouillon, ct) is { } now) return now;
        return await RefusedAsync(result, new(lines, participants, volunteers, contacts), id, ct);
    }

    /// <summary>
    /// Saves the declared project's draft (a title is all it needs), then, when asked, submits it: the rules of a new project are
    /// checked then, and what they refuse is shown beside its field, the draft kept as typed.
    /// </summary>
    private async Task<IActionResult> SaveDraftAsync(bool submit, FormLines sent, CancellationToken ct) =>
        await DraftSaving.SubmitIfAskedAsync(this, drafts, editors.Current!, PendingChangeKind.NewProject, Values.Title, submit,
            await drafts.SaveProjectAsync(editors.Current!, Draft?.Id, Project.PartnershipId!.Value, Values, ct),
            async id => Draft = await drafts.FindAsync(editors.Current!, id, ct) as ProjectDraft,
            (result, message) => Task.FromResult(DraftRefused(result, sent, message)), ct);

    private IActionResult DraftRefused(EditResult result, FormLines sent, string? message = null)
    {
        switch (result)
        {
            case EditResult.Invalid invalid:
                FieldErrors(invalid, field => FormField(field, sent));
                FormError(message ?? "Le brouillon n'a pas été enregistré : corrigez les champs signalés.");
                return Page();
            case EditResult.Conflict:
                return DraftSaving.InReview(this, "projet");
            case EditResult.Forbidden:
                return Deny();
            default:
                return NotFound();
        }
    }

    /// <summary>The lines the form sent to Core, each with the row it came from, to show an error of line n beside its row.</summary>
    private sealed record FormLines(List<(int Row, FundingValues Values)> Fundings, List<(int Row, ParticipantValues Values)> Participants,
        List<(int Row, VolunteerValues Values)> Volunteers, List<(int Row, ContactValues Values)> Contacts);

    private async Task<IActionResult> RefusedAsync(EditResult result, FormLines sent, int? id, CancellationToken ct)
    {
        switch (result)
        {
            case EditResult.Invalid invalid:
                FieldErrors(invalid, field => FormField(field, sent));
                return Invalid();
            case EditResult.Conflict conflict:
                return Conflicted(conflict.CurrentVersion, id is { } project ? await HistoryWording.ConflictAsync(projects, catalog, project, conflict.Changes, ct) : [],
                    "Le projet a été modifié depuis que vous avez ouvert ce formulaire.");
            case EditResult.Forbidden:
                return Deny();
            default:
                return NotFound();
        }
    }

    /// <summary>A value as the person typed it, else the model's, for the fields drawn without the form-field helper.</summary>
    public string? Shown(string name, object? model) =>
        ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is { } typed ? typed : model switch
        {
            null => null,
            DateOnly date => FrenchDateBinder.Show(date),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => model.ToString(),
        };

    public IReadOnlyList<string> Errors(string name) =>
        ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    /// <summary>The currencies, plus an unknown code the person typed, so that it stays shown beside its error.</summary>
    public IReadOnlyList<FieldOption> CurrenciesWith(string? typed) =>
        string.IsNullOrEmpty(typed) || CurrencyOptions.Any(o => o.Value == typed) ? CurrencyOptions : [.. CurrencyOptions, new(typed, typed)];

    private IActionResult Invalid()
    {
        FormError("Le projet n'a pas été enregistré : corrigez les champs signalés.");
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(int? id, int? partnershipId, long? draftId, CancellationToken ct)
    {
        if (draftId is { } draft) return await PrepareDraftAsync(draft, ct);
        if (id is null) return await PrepareNewAsync(partnershipId, ct);
        var project = await projects.FormAsync(id.Value, ct);
        if (project is null) return NotFound();
        Project = project;
        if (editors.Current is not { } editor) return Challenge();
        if (!await scope.MayEditProjectAsync(editor, id.Value, ct)) return Deny();
        await PrepareChoicesAsync(project, ct);
        return null;
    }

    /// <summary>An empty project of the partnership, when the editor may add one to it.</summary>
    private async Task<IActionResult?> PrepareNewAsync(int? partnershipId, CancellationToken ct)
    {
        var partnership = partnershipId is { } pid ? await projects.PartnershipAsync(pid, ct) : null;
        if (partnership is null) return NotFound();
        Project = new Project { Title = "", PartnershipId = partnership.Id, Partnership = partnership, Status = ProjectStatus.Ongoing };
        if (editors.Current is not { } editor) return Challenge();
        if (!await scope.MayCreateProjectInAsync(editor, partnership.Id, ct)) return Deny();
        IsDraft = Drafts.DeclaresDrafts(editor);
        await PrepareChoicesAsync(Project, ct);
        return null;
    }

    /// <summary>The author's draft of a new project, while it is theirs to change; someone else's is refused.</summary>
    private async Task<IActionResult?> PrepareDraftAsync(long draftId, CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        var (draft, instead) = await DraftSaving.OpenAsync<ProjectDraft>(this, drafts, editor, draftId, "projet", DenyDraft, ct);
        if (instead is not null) return instead;
        Draft = draft!;
        var partnership = await projects.PartnershipAsync(Draft.PartnershipId, ct);
        if (partnership is null) return NotFound();
        Project = new Project { Title = Draft.Title, PartnershipId = partnership.Id, Partnership = partnership, Status = ProjectStatus.Ongoing };
        if (!await scope.MayCreateProjectInAsync(editor, partnership.Id, ct)) return DenyDraft();
        IsDraft = true;
        await PrepareChoicesAsync(Project, ct);
        FunderOptions.AddRange((await drafts.PartiesAsync(Draft.Values, ct))
            .Select(p => new FieldOption(p.IsAuthority ? PartyKey.Authority(p.Id) : PartyKey.Organisation(p.Id), p.Name)));
        return null;
    }

    private IActionResult DenyDraft()
    {
        Project = new Project { Title = "" };
        return Deny();
    }

    private async Task PrepareChoicesAsync(Project project, CancellationToken ct)
    {
        var reference = await catalog.GetAsync(ct);
        ThemeOptions = ThemeTree(reference, null).ToList();
        CurrencyOptions = reference.Currencies.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new FieldOption(c.Key, $"{c.Key} — {c.Value}")).ToList();
        var own = project.Participants.Select(pp => (pp.LocalAuthority, pp.Organisation))
            .Concat(project.Fundings.Select(f => (LocalAuthority: f.FunderAuthority, Organisation: f.FunderOrganisation)))
            .Select(x => x.LocalAuthority is { } a ? new FieldOption(PartyKey.Authority(a.Id), a.Name)
                : x.Organisation is { } o ? new FieldOption(PartyKey.Organisation(o.Id), o.Name) : null)
            .OfType<FieldOption>()
            .DistinctBy(o => o.Value).OrderBy(o => o.Label, StringComparer.CurrentCulture).ToList();
        // After them, the parties a save found by name before the form was prepared to be shown again.
        FunderOptions = [.. own, .. FunderOptions.Where(f => own.All(o => o.Value != f.Value))];
    }

    private static IEnumerable<FieldOption> ThemeTree(ReferenceCatalog.Snapshot reference, int? parent) =>
        reference.Children(parent).SelectMany(t =>
            ThemeTree(reference, t.Id).Prepend(new FieldOption(t.Id.ToString(CultureInfo.InvariantCulture), new string('\u00A0', (t.Level - 1) * 3) + t.Name)));

    /// <summary>The funding lines the form keeps (rows neither blank nor ticked for removal), each with its row, funders found by name.</summary>
    private async Task<List<(int Row, FundingValues Values)>> FundingLinesAsync(CancellationToken ct)
    {
        var lines = new List<(int, FundingValues)>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            if (row.Remove || row.IsBlank) continue;
            var funder = row.Funder;
            if (string.IsNullOrEmpty(funder) && !string.IsNullOrWhiteSpace(row.FunderSearch))
            {
                funder = await FindPartyAsync(row.FunderSearch.Trim(), $"Rows[{i}].FunderSearch", ct);
                if (funder is not null)
                {
                    ModelState.Remove($"Rows[{i}].Funder");
                    ModelState.Remove($"Rows[{i}].FunderSearch");
                    row.Funder = funder;
                    row.FunderSearch = null;
                }
            }
            lines.Add((i, row.ToValues(funder)));
        }
        return lines;
    }

    /// <summary>The participants the form keeps (rows neither blank nor ticked for removal), each with its row; new ones found by name.</summary>
    private async Task<List<(int Row, ParticipantValues Values)>> ParticipantLinesAsync(CancellationToken ct)
    {
        var lines = new List<(int, ParticipantValues)>();
        for (var i = 0; i < ParticipantRows.Count; i++)
        {
            var row = ParticipantRows[i];
            if (row.Remove || row.IsBlank) continue;
            if (string.IsNullOrEmpty(row.Party) && !string.IsNullOrWhiteSpace(row.Search))
            {
                var found = await FindPartyAsync(row.Search.Trim(), $"ParticipantRows[{i}].Search", ct);
                if (found is null) continue;
                row.Party = found;
                // A draft's participant is kept by its name, shown when its form comes back.
                if (IsDraft) row.Name = FunderOptions.First(o => o.Value == found).Label;
            }
            lines.Add((i, row.ToValues()));
        }
        return lines;
    }

    /// <summary>
    /// The one authority or organisation whose name contains the text, added to the choices; null (and an error) if none or
    /// several: a participant or a funder is always an existing record, never a name typed freely.
    /// </summary>
    private async Task<string?> FindPartyAsync(string text, string field, CancellationToken ct)
    {
        var found = (await projects.PartiesNamedAsync(text, ct))
            .Select(p => new FieldOption(p.IsAuthority ? PartyKey.Authority(p.Id) : PartyKey.Organisation(p.Id), p.Name)).ToList();
        var exact = found.Where(f => string.Equals(f.Label, text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count == 1) found = exact;
        switch (found.Count)
        {
            case 0:
                ModelState.AddModelError(field, "Aucune collectivité ni aucun organisme ne porte ce nom.");
                return null;
            case > 1:
                ModelState.AddModelError(field, "Plusieurs collectivités ou organismes portent ce nom : précisez-le.");
                return null;
        }
        if (FunderOptions.All(o => o.Value != found[0].Value)) FunderOptions.Add(found[0]);
        return found[0].Value;
    }

    /// <summary>
    /// Where the form shows a rule's error: "Title" beside Values.Title, "Fundings[1].Amount" beside the row line 1 came from
    /// (Core's <see cref="FieldPath"/> names the line; the form kept which row each line came from).
    /// </summary>
    private static string FormField(string field, FormLines sent) => FieldPath.Of(field) switch
    {
        { Name: nameof(IHasContactLines.Contacts) } => ContactForm.FormField(field, sent.Contacts, nameof(Values)),
        { Name: nameof(ProjectValues.Fundings), Index: { } line, Member: { } member } =>
            $"{nameof(Rows)}[{sent.Fundings[line].Row}].{member switch
            {
                nameof(FundingValues.FunderAuthorityId) or nameof(FundingValues.FunderOrganisationId) or nameof(FundingValues.Id) => nameof(FundingLineRow.Funder),
                _ => member,
            }}",
        { Name: nameof(ProjectValues.Participants), Index: { } line, Member: { } member } =>
            $"{nameof(ParticipantRows)}[{sent.Participants[line].Row}].{(member == nameof(ParticipantValues.Role) ? nameof(ParticipantRow.Role) : nameof(ParticipantRow.Search))}",
        { Name: nameof(ProjectValues.Volunteers), Index: { } line, Member: { } member } =>
            $"{nameof(VolunteerRows)}[{sent.Volunteers[line].Row}].{nameof(VolunteerRow.Values)}.{(member == nameof(VolunteerValues.Id) ? nameof(VolunteerValues.LastName) : member)}",
        // A rule on a whole list of lines (a participant listed twice) is told above the form.
        { Name: nameof(ProjectValues.Fundings) or nameof(ProjectValues.Participants) or nameof(ProjectValues.Volunteers) } => "",
        // The themes are chosen in one place, beside the main theme.
        { Name: nameof(ProjectValues.Themes) } => $"{nameof(Values)}.{nameof(ProjectValues.MainThemeId)}",
        _ => $"{nameof(Values)}.{field}",
    };
}
