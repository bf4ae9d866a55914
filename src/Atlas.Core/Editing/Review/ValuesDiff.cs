using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Fundings;
using Atlas.Core.Projects;

namespace Atlas.Core.Editing.Review;

/// <summary>What a set of submitted values changes in a project's published values, field by field.</summary>
public static class ValuesDiff
{
    public static IReadOnlyList<FieldDiff> Between(ProjectValues current, ProjectValues proposed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        var diffs = new List<FieldDiff>();
        var before = JsonSerializer.SerializeToNode(current, ChangeRecorder.Json)!.AsObject();
        var after = JsonSerializer.SerializeToNode(proposed, ChangeRecorder.Json)!.AsObject();
        foreach (var (field, node) in before)
        {
            if (field is "themes" or "fundings") continue;
            var (old, @new) = (Text(node), Text(after[field]));
            if (old != @new) diffs.Add(new FieldDiff(field, old, @new));
        }

        var (oldThemes, newThemes) = (Themes(current), Themes(proposed));
        if (oldThemes != newThemes) diffs.Add(new FieldDiff("themes", oldThemes, newThemes));

        var lines = current.Fundings.Where(f => f.Id is not null).ToDictionary(f => f.Id!.Value, Line);
        var added = 0;
        foreach (var line in proposed.Fundings)
        {
            if (line.Id is { } id && lines.Remove(id, out var old))
            {
                if (old != Line(line)) diffs.Add(new FieldDiff($"funding/{id}", old, Line(line)));
            }
            else diffs.Add(new FieldDiff(line.Id is { } unknown ? $"funding/{unknown}" : $"funding/new-{++added}", null, Line(line)));
        }
        diffs.AddRange(lines.Select(l => new FieldDiff($"funding/{l.Key}", l.Value, null)));
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

    private static string? Themes(ProjectValues values)
    {
        var others = values.Themes.OrderBy(t => t.Priority ?? int.MaxValue).ThenBy(t => t.ThemeId)
            .Select(t => t.ThemeId.ToString(CultureInfo.InvariantCulture));
        var text = string.Join(", ", values.MainThemeId is { } main ? others.Prepend($"{main} (principale)") : others);
        return text.Length == 0 ? null : text;
    }

    private static string Line(FundingValues f)
    {
        var parts = new List<string> { $"{RecordedTypes.Text(f.Amount)} {f.CurrencyCode}".Trim() };
        if (f.FunderAuthorityId is { } a) parts.Add($"collectivité {a}");
        if (f.FunderOrganisationId is { } o) parts.Add($"organisme {o}");
        if (f.WaterLawAmount is { } w) parts.Add($"dont 1 % eau {RecordedTypes.Text(w)}");
        if (f.Year is { } y) parts.Add(y.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(f.Note)) parts.Add(f.Note.Trim());
        return string.Join(" · ", parts);
    }
}
