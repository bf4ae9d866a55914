using System.Text.Json.Nodes;

namespace Atlas.Core.Editing.Review;

/// <summary>What a set of submitted values changes in a project's published values, field by field.</summary>
public static class ValuesDiff
{
    /// <summary>The project's lists of records, compared record by record rather than as values of their own.</summary>
    private static readonly HashSet<string> Lists = new(StringComparer.Ordinal) { "themes", "fundings", "participants", "volunteers", "contacts" };

    /// <param name="funderName">A funder's name from its authority and organisation ids (null: shown by its id).</param>
    /// <param name="themeName">A theme's name from its id (null: shown by its id).</param>
    public static IReadOnlyList<FieldDiff> Between(ProjectValues current, ProjectValues proposed, Func<int?, int?, string?>? funderName = null,
        Func<int, string?>? themeName = null)
    {
        string Line(FundingValues f) => LineText(f, funderName);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        var diffs = new List<FieldDiff>();
        var before = JsonSerializer.SerializeToNode(current, ChangeRecorder.Json)!.AsObject();
        var after = JsonSerializer.SerializeToNode(proposed, ChangeRecorder.Json)!.AsObject();
        foreach (var (field, node) in before)
        {
            // The main theme is told with the others, under « Thématiques ».
            if (Lists.Contains(field) || field == "mainThemeId") continue;
            var (old, @new) = (Text(node), Text(after[field]));
            if (old == @new) continue;
            diffs.Add(field == "totalCostAmount"
                ? new FieldDiff(field, old, @new, Currency: proposed.TotalCostCurrency ?? current.TotalCostCurrency)
                : new FieldDiff(field, old, @new));
        }

        var (oldThemes, newThemes) = (Themes(current, themeName), Themes(proposed, themeName));
        if (oldThemes != newThemes) diffs.Add(new FieldDiff("themes", oldThemes, newThemes));

        // Lines are numbered as the form numbers them: a kept or added line by its place among the proposed ones, a removed
        // line by its place among the published ones.
        var published = current.Fundings.Select((f, i) => (f, i)).Where(x => x.f.Id is not null)
            .ToDictionary(x => x.f.Id!.Value, x => (Text: Line(x.f), Number: x.i + 1));
        var added = 0;
        for (var i = 0; i < proposed.Fundings.Count; i++)
        {
            var line = proposed.Fundings[i];
            if (line.Id is { } id && published.Remove(id, out var old))
            {
                if (old.Text != Line(line)) diffs.Add(new FieldDiff($"funding/{id}", old.Text, Line(line), i + 1));
            }
            else diffs.Add(new FieldDiff(line.Id is { } unknown ? $"funding/{unknown}" : $"funding/new-{++added}", null, Line(line), i + 1));
        }
        diffs.AddRange(published.Select(l => new FieldDiff($"funding/{l.Key}", l.Value.Text, null, l.Value.Number)));

        // A list left out (null) is kept as it is: nothing to compare.
        Records(diffs, RecordedTypes.NameOf<ProjectParticipant>(), current.Participants, proposed.Participants, p => p.Id);
        Records(diffs, RecordedTypes.NameOf<Volunteer>(), current.Volunteers, proposed.Volunteers, v => v.Id);
        Records(diffs, RecordedTypes.NameOf<Contact>(), current.Contacts, proposed.Contacts, c => c.Id);
        return diffs;
    }

    /// <summary>
    /// The participants, volunteers or contacts that a change adds, removes or changes, each as one diff carrying its fields as
    /// the history writes them (<see cref="FieldDiff.Fields"/>), numbered as the form numbers them, like funding lines.
    /// </summary>
    private static void Records<T>(List<FieldDiff> diffs, string type, List<T>? current, List<T>? proposed, Func<T, int?> id)
    {
        if (proposed is null) return;
        var published = (current ?? []).Select((r, i) => (r, i)).Where(x => id(x.r) is not null)
            .ToDictionary(x => id(x.r)!.Value, x => (Values: RecordValues(x.r), Number: x.i + 1));
        var added = 0;
        for (var i = 0; i < proposed.Count; i++)
        {
            var values = RecordValues(proposed[i]);
            if (id(proposed[i]) is { } key && published.Remove(key, out var old))
            {
                if (!old.Values.SequenceEqual(values)) diffs.Add(RecordDiff(type, key.ToString(CultureInfo.InvariantCulture), old.Values, values, i + 1));
            }
            else diffs.Add(RecordDiff(type, id(proposed[i]) is { } unknown ? unknown.ToString(CultureInfo.InvariantCulture) : $"new-{++added}", null, values, i + 1));
        }
        diffs.AddRange(published.Select(r => RecordDiff(type, r.Key.ToString(CultureInfo.InvariantCulture), r.Value.Values, null, r.Value.Number)));
    }

    /// <summary>A record's fields as the edit would store them, its id aside (it names the record).</summary>
    private static List<(string Field, string? Value)> RecordValues<T>(T record) =>
        JsonSerializer.SerializeToNode(record, ChangeRecorder.Json)!.AsObject()
            .Where(f => f.Key != "id").Select(f => (f.Key, Text(f.Value))).ToList();

    private static FieldDiff RecordDiff(string type, string key, List<(string Field, string? Value)>? before, List<(string Field, string? Value)>? after, int number)
    {
        var fields = (before ?? after)!.Select(f => f.Field)
            .Select(f => new FieldChange(f, before?.First(b => b.Field == f).Value, after?.First(a => a.Field == f).Value))
            .Where(f => f.Old is not null || f.New is not null)
            .ToList();
        // The values as stored, for a reader of this record alone; the pages name them from Fields.
        static string? Joined(List<(string Field, string? Value)>? values) =>
            values is null ? null : string.Join(" · ", values.Select(v => v.Value).OfType<string>());
        return new FieldDiff($"{type}/{key}", Joined(before), Joined(after), number) { RecordType = type, Fields = fields };
    }

    /// <summary>
    /// A new partnership's values as a reviewer reads them, every field it fills as proposed (there is nothing published to
    /// compare with): its own fields by name, « authorities » and « themes » by their names.
    /// </summary>
    public static IReadOnlyList<FieldDiff> Of(PartnershipValues proposed, Func<int, string?> authorityName, Func<int, string?> themeName)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(authorityName);
        ArgumentNullException.ThrowIfNull(themeName);
        var diffs = new List<FieldDiff>();
        foreach (var (field, node) in JsonSerializer.SerializeToNode(proposed, ChangeRecorder.Json)!.AsObject())
        {
            if (field is "authorityIds" or "themeIds" or "contacts" || Text(node) is not { } text || text is "[]") continue;
            diffs.Add(new FieldDiff(field, null, text));
        }
        // Each contact a row of its own, worded as a project's contacts are.
        Records(diffs, RecordedTypes.NameOf<Contact>(), null, proposed.Contacts, c => c.Id);
        string? Names(IEnumerable<int> ids, Func<int, string?> name) =>
            string.Join(", ", ids.Distinct().Select(id => name(id) ?? id.ToString(CultureInfo.InvariantCulture))) is { Length: > 0 } names ? names : null;
        if (Names(proposed.AuthorityIds, authorityName) is { } authorities) diffs.Add(new FieldDiff("authorities", null, authorities));
        if (Names(proposed.ThemeIds, themeName) is { } themes) diffs.Add(new FieldDiff("themes", null, themes));
        return diffs;
    }

    /// <summary>A value as the edit would store it: text trimmed, a blank one as none.</summary>
    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var number) => RecordedTypes.Text(number),
        _ => node.ToJsonString(),
    };

    private static string? Themes(ProjectValues values, Func<int, string?>? themeName)
    {
        string Name(int id) => themeName?.Invoke(id) ?? id.ToString(CultureInfo.InvariantCulture);
        var others = values.Themes.OrderBy(t => t.Priority ?? int.MaxValue).ThenBy(t => t.ThemeId).Select(t => Name(t.ThemeId));
        var text = string.Join(", ", values.MainThemeId is { } main ? others.Prepend($"{Name(main)} (principale)") : others);
        return text.Length == 0 ? null : text;
    }

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>A funding line as a reviewer reads it: « 85 000 € · Ville de Woippy · 2020 · dont 1 % eau : 5 000 € ».</summary>
    private static string LineText(FundingValues f, Func<int?, int?, string?>? funderName)
    {
        var parts = new List<string> { Amount(f.Amount, f.CurrencyCode) };
        if (f.FunderAuthorityId is not null || f.FunderOrganisationId is not null)
        {
            parts.Add(funderName?.Invoke(f.FunderAuthorityId, f.FunderOrganisationId)
                ?? (f.FunderAuthorityId is { } a ? $"collectivité {a}" : $"organisme {f.FunderOrganisationId}"));
        }
        if (f.Year is { } y) parts.Add(y.ToString(CultureInfo.InvariantCulture));
        if (f.WaterLawAmount is { } w) parts.Add($"dont 1 % eau : {Amount(w, f.CurrencyCode)}");
        if (!string.IsNullOrWhiteSpace(f.Note)) parts.Add(f.Note.Trim());
        return string.Join(" · ", parts.Where(p => p.Length > 0));
    }

    /// <summary>« 85 000 € », « 994 690,50 MAD »: the French way, in the line's own currency.</summary>
    public static string Amount(decimal? amount, string? currency)
    {
        if (amount is not { } value) return "";
        var number = value.ToString(value == decimal.Truncate(value) ? "N0" : "N2", French);
        var symbol = string.IsNullOrWhiteSpace(currency) ? "" : currency.Trim().ToUpperInvariant() == "EUR" ? "€" : currency.Trim().ToUpperInvariant();
        return symbol.Length == 0 ? number : $"{number}\u00A0{symbol}";
    }
}
