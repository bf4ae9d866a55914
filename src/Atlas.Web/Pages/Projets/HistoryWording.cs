namespace Atlas.Web.Pages.Projets;

/// <summary>
/// A history (and a review) in the words of the record's form: a funding line is « Ligne n° 2 » as the form numbers it (not
/// its database id), a participant, a partnership, a theme or a country by its name, an amount « 85 000 € » in its line's
/// currency, a date « 1er mai 2020 », a funder by its name, a status or a role by its label.
/// </summary>
public sealed class HistoryWording(HistoryNames names, ReferenceCatalog.Snapshot reference)
{
    /// <summary>Texts longer than this, or of several lines, are compared word by word.</summary>
    public const int LongText = 80;

    /// <summary>Fields a person does not edit as such: a line's place is in its name, its project is the page's.</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "sortOrder", "projectId", "themeId" };

    /// <summary>A contact's record: it is the page's, and its form's.</summary>
    private static readonly HashSet<string> ContactOwners = new(StringComparer.Ordinal)
        { "localAuthorityId", "organisationId", "diplomaticPostId", "partnershipId", "projectId" };

    public static bool Shows(string entityType, string field) =>
        !Hidden.Contains(field) && !(entityType == "contact" && ContactOwners.Contains(field));

    /// <summary>The record a change is about, as the form names it.</summary>
    public string Record(string entityType, string entityId, IReadOnlyList<FieldChange> fields)
    {
        string? Latest(string field) => fields.FirstOrDefault(f => f.Field == field) is { } f ? f.New ?? f.Old : null;
        var id = int.TryParse(entityId, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        switch (entityType)
        {
            case "project":
                return "Le projet";
            case "partnership":
                return "Le partenariat";
            case "local-authority":
                return "La collectivité";
            case "diplomatic-post":
                return "Le poste";
            case "organisation":
                return "L'organisme";
            case "partnership-authority":
                var authority = int.TryParse(entityId.Split('/').Last(), NumberStyles.None, CultureInfo.InvariantCulture, out var au) ? names.Authorities.GetValueOrDefault(au) : null;
                return authority is null ? "Collectivité du partenariat" : $"Collectivité du partenariat : {authority}";
            case "diplomatic-post-country":
                return $"Pays couvert : {reference.CountryName(entityId.Split('/').Last())}";
            case "funding":
                var order = int.TryParse(Latest("sortOrder"), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o
                    : id is { } f && names.Fundings.TryGetValue(f, out var line) ? line.SortOrder : (int?)null;
                return order is { } place ? $"Lignes de financement — Ligne n° {place + 1}" : "Lignes de financement — une ligne";
            case "project-theme" or "partnership-theme":
                var themeId = int.TryParse(entityId.Split('/').Last(), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0;
                return reference.ThemesById.TryGetValue(themeId, out var theme) ? $"Thématique « {theme.Name} »" : "Thématique";
            case "project-participant":
                var party = Party(Latest("localAuthorityId"), Latest("organisationId"))
                    ?? (id is { } p ? names.Participants.GetValueOrDefault(p) : null);
                return string.IsNullOrEmpty(party) ? "Participant" : $"Participant : {party}";
            case "volunteer":
            case "contact":
                var person = string.Join(' ', new[] { Latest("firstName"), Latest("lastName") }.Where(s => !string.IsNullOrWhiteSpace(s)));
                var kind = entityType == "volunteer" ? "Volontaire" : "Contact";
                return person.Length == 0 ? kind : $"{kind} : {person}";
            default:
                return $"{entityType} {entityId}";
        }
    }

    /// <summary>A recorded value as a person reads it, « (vide) » for none.</summary>
    public string Value(string entityType, string entityId, IReadOnlyList<FieldChange> fields, string field, string? value)
    {
        if (value is null) return "(vide)";
        string? Latest(string name) => fields.FirstOrDefault(f => f.Field == name) is { } f ? f.New ?? f.Old : null;
        var number = decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) ? d : (decimal?)null;
        var id = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : (int?)null;
        switch (field)
        {
            case "amount" or "waterLawAmount" when number is not null:
                var currency = Latest("currencyCode")
                    ?? (int.TryParse(entityId, NumberStyles.None, CultureInfo.InvariantCulture, out var fid) && names.Fundings.TryGetValue(fid, out var line) ? line.CurrencyCode : null);
                return ValuesDiff.Amount(number, currency);
            case "totalCostAmount" when number is not null:
                return ValuesDiff.Amount(number, Latest("totalCostCurrency") ?? names.TotalCostCurrency);
            case "funderAuthorityId" or "localAuthorityId" when id is { } a:
                return names.Authorities.GetValueOrDefault(a, $"collectivité n° {a}");
            case "funderOrganisationId" or "organisationId" when id is { } org:
                return names.Organisations.GetValueOrDefault(org, $"organisme n° {org}");
            case "role" when entityType == "project-participant" && EnumCode<ParticipantRole>.TryParse(value, out var role):
                return Labels.Role(role);
            case "role" when entityType == "contact" && EnumCode<ContactRole>.TryParse(value, out var contactRole):
                return Labels.Role(contactRole);
            case "status" when entityType == "partnership" && EnumCode<PartnershipStatus>.TryParse(value, out var status):
                return Labels.Status(status);
            case "kind" when entityType == "local-authority" && EnumCode<AuthorityKind>.TryParse(value, out var kind):
                return Labels.Kind(kind);
            case "partnershipId" when id is { } partnership:
                return names.Partnerships.GetValueOrDefault(partnership, $"partenariat n° {partnership}");
            case "countryCode":
                return reference.CountryName(value);
            case "regionCode":
                return reference.Regions.GetValueOrDefault(value, value);
            case "departmentCode":
                return reference.Departments.TryGetValue(value, out var department) ? department.Name : value;
            case "currencyCode" or "totalCostCurrency" when reference.Currencies.TryGetValue(value.ToUpperInvariant(), out var currencyName):
                // As the form's list shows a currency.
                return $"{value.ToUpperInvariant()} — {currencyName}";
            case "startDate" or "endDate" or "signedOn" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return Format.Date(date);
            case "mainThemeId" when id is { } theme && reference.ThemesById.TryGetValue(theme, out var node):
                return node.Name;
            default:
                return EditLabels.Value(field, value);
        }
    }

    /// <summary>The words that changed, when either value is a long text; null for short values (shown old → new).</summary>
    public static IReadOnlyList<DiffSegment>? Words(string? before, string? after) =>
        IsLong(before) || IsLong(after) ? WordDiff.Between(before, after) : null;

    private static bool IsLong(string? text) => text is not null && (text.Length > LongText || text.Contains('\n', StringComparison.Ordinal));

    private string? Party(string? authority, string? organisation) =>
        int.TryParse(authority, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? names.Authorities.GetValueOrDefault(a)
        : int.TryParse(organisation, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? names.Organisations.GetValueOrDefault(o)
        : null;

    /// <summary>
    /// A conflict's changes to a project, one line per field, with the value it has now (the last one saved), named as the
    /// history names them: « Participant : Ville de Salé — Rôle : maintenant « Maître d'ouvrage » (modifié par …) ».
    /// </summary>
    public static async Task<IReadOnlyList<string>> ConflictAsync(ProjectEditQuery projects, ReferenceCatalog catalog, int projectId,
        IReadOnlyList<ChangedField> changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(changes);
        var wording = new HistoryWording(await projects.HistoryNamesAsync(projectId, changes, ct), await catalog.GetAsync(ct));
        return changes
            .GroupBy(c => c.Path, StringComparer.Ordinal)
            .Select(g => g.Last())
            .Select(c =>
            {
                var fields = changes.Where(o => o.EntityType == c.EntityType && o.EntityId == c.EntityId && o.Field is not null)
                    .Select(o => new FieldChange(o.Field!, o.Old, o.New)).ToList();
                var record = c.EntityType == "project" ? "" : wording.Record(c.EntityType, c.EntityId, fields) + (c.Field is null ? "" : " — ");
                return c.Field is null
                    ? $"{record} : {EditLabels.Action(c.Action).ToLowerInvariant()} par {c.UserName}"
                    : $"{record}{EditLabels.Field(c.Field)} : maintenant « {wording.Value(c.EntityType, c.EntityId, fields, c.Field, c.New)} » (modifié par {c.UserName})";
            })
            .ToList();
    }
}
