namespace Atlas.Web.Pages.Collectivites;

/// <summary>
/// /collectivites/nouvelle: an administrator, or a correspondent in a country of their post, adds an authority that is not in
/// the atlas yet (its identity; the rest is completed on its edit page). A name already used in that country is refused, so
/// that an authority is searched for rather than created twice.
/// </summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class NouvelleModel(ReferenceCatalog catalog, EditorAccessor editors, AuthorityCreation creation) : EditPageModel
{
    [BindProperty]
    public NewAuthority Authority { get; set; } = new();

    /// <summary>The other names, one a line (<see cref="AlternateNamesForm"/>).</summary>
    [BindProperty]
    public string? AlternateNames { get; set; }

    public IReadOnlyList<FieldOption> CountryOptions { get; private set; } = [];
    public IReadOnlyList<FieldOption> RegionOptions { get; private set; } = [];
    public IReadOnlyList<FieldOption> DepartmentOptions { get; private set; } = [];
    public IReadOnlyList<FieldOption> KindOptions { get; } =
        Enum.GetValues<AuthorityKind>().Select(k => new FieldOption(EnumCode<AuthorityKind>.ToCode(k), Labels.Kind(k))).ToList();

    public async Task<IActionResult> OnGetAsync(string? pays, CancellationToken ct)
    {
        if (await PrepareAsync(ct) is { } refused) return refused;
        Authority.CountryCode = pays ?? (CountryOptions.Count == 1 ? CountryOptions[0].Value : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await PrepareAsync(ct) is { } refused) return refused;
        if (!ModelState.IsValid) return Invalid();
        Authority.Values.AlternateNames = AlternateNamesForm.Names(AlternateNames);
        switch (await creation.CreateAsync(editors.Current!, Authority, ct))
        {
            case EditResult.Created created:
                TempData[nameof(CollectivitesDetailModel.Notice)] = "La collectivité a été créée. Vous pouvez compléter sa fiche.";
                return Redirect($"/collectivites/{created.Id}");
            case EditResult.Invalid invalid:
                // Core's keys are the form's, under Authority: "Values.Name", "CountryCode".
                FieldErrors(invalid, field => AlternateNamesForm.IsErrorOf(field, $"{nameof(Authority.Values)}.") ? nameof(AlternateNames) : $"{nameof(Authority)}.{field}");
                return Invalid();
            default:
                return Deny();
        }
    }

    public IReadOnlyList<string> Errors(string name) =>
        ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    private IActionResult Invalid()
    {
        FormError("La collectivité n'a pas été créée : corrigez les champs signalés.");
        return Page();
    }

    /// <summary>The countries the editor may add an authority in: all for an administrator, their post's for a correspondent.</summary>
    private async Task<IActionResult?> PrepareAsync(CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        var reference = await catalog.GetAsync(ct);
        var countries = await creation.CountriesAsync(editor, ct);
        if (countries.Count == 0) return Deny();
        CountryOptions = countries.Select(c => new FieldOption(c, reference.CountryName(c))).OrderBy(o => o.Label, StringComparer.CurrentCulture).ToList();
        RegionOptions = reference.Regions.Select(r => new FieldOption(r.Key, r.Value)).OrderBy(o => o.Label, StringComparer.CurrentCulture).ToList();
        DepartmentOptions = reference.Departments.OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new FieldOption(d.Key, $"{d.Key} — {d.Value.Name}")).ToList();
        return null;
    }
}
