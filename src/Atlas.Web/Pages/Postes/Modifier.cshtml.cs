namespace Atlas.Web.Pages.Postes;

/// <summary>
/// /postes/{id}/modifier: an administrator edits any post, a correspondent their own post's name, city and contacts. The
/// countries a post covers define its correspondents' scope: only an administrator has them as a field.
/// /postes/nouveau: the same form, empty, with which an administrator creates a post.
/// </summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class PostesModifierModel(DiplomaticPostQuery posts, EditingScope scope, EditorAccessor editors, DiplomaticPostEditing editing) : RecordEditPageModel
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

    public DiplomaticPost Post { get; private set; } = null!;
    public bool MayChangeCountries { get; private set; }
    public bool IsNew => Post.Id == 0;

    protected override string NotSaved => "Le poste n'a pas été enregistré : corrigez les champs signalés.";
    protected override string ChangedSince => "Le poste a été modifié depuis que vous avez ouvert ce formulaire.";
    protected override string RecordType => RecordedTypes.NameOf<DiplomaticPost>();

    protected override string Label(string field) => FieldLabels.GetValueOrDefault(field, field);

    /// <summary>The countries' errors ("Countries", "Countries[1]") beside the one countries field.</summary>
    protected override string FormField(string field, IReadOnlyList<(int Row, ContactValues Values)> lines) =>
        field.StartsWith(nameof(DiplomaticPostValues.Countries), StringComparison.Ordinal) ? nameof(Countries) : base.FormField(field, lines);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        Values = DiplomaticPostValues.Of(Post);
        Countries = string.Join(", ", Values.Countries!);
        Contacts = ContactForm.Rows(Values.Contacts ?? []);
        Version = Post.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        if (!ModelState.IsValid) return Invalid();

        var lines = ContactForm.Lines(Contacts);
        Values.Contacts = lines.Select(l => l.Values).ToList();
        // A correspondent's form has no countries: theirs stay as they are.
        Values.Countries = MayChangeCountries ? [.. (Countries ?? "").Split(CountrySeparators, StringSplitOptions.RemoveEmptyEntries)] : null;
        return IsNew
            ? Outcome(await editing.CreateAsync(editors.Current!, Values, ct), lines, "/postes/{id}")
            : Outcome(await editing.SaveAsync(editors.Current!, Post.Id, Version, Values, ct), lines, $"/postes/{Post.Id}");
    }

    /// <summary>The countries covered as a correspondent reads them: "Maroc (MA)".</summary>
    public static string CountryList(DiplomaticPost post) =>
        string.Join(", ", post.Countries.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Country?.Name ?? c.CountryCode} ({c.CountryCode})")));

    private async Task<IActionResult?> PrepareAsync(int? id, CancellationToken ct)
    {
        if (id is null) Post = new DiplomaticPost { Name = "" };
        else if (await posts.GetAsync(id.Value, ct) is { } post) Post = post;
        else return NotFound();
        if (editors.Current is not { } editor) return Challenge();
        if (IsNew ? editor.Role != EditorRole.Administrator : !await scope.MayEditDiplomaticPostAsync(editor, Post.Id, ct)) return Deny();
        MayChangeCountries = editor.Role == EditorRole.Administrator;
        return null;
    }
}
