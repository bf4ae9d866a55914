using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Atlas.Web.Tests.Infrastructure;

/// <summary>A table read back from an export: its header and its rows as text, missing values as null.</summary>
internal sealed record ExportedTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string?>> Rows)
{
    public IEnumerable<string?> Column(string name)
    {
        var index = Header.ToList().IndexOf(name);
        if (index < 0) throw new Xunit.Sdk.XunitException($"No column {name}.");
        return Rows.Select(r => r[index]);
    }

    public IEnumerable<IReadOnlyDictionary<string, string?>> Records =>
        Rows.Select(r => (IReadOnlyDictionary<string, string?>)Header.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => x.Item2));
}

/// <summary>
/// A small Frictionless Table Schema validator for the exports: the header is the fields in order, every value parses
/// as its field's type, required values are there, enum and unique constraints and the primary key hold. Reads RFC 4180
/// CSV (strictly: CRLF line ends, quotes only around whole fields) and JSON Lines.
/// </summary>
internal static partial class TableSchemaValidator
{
    /// <summary>Parses RFC 4180 CSV (or its spreadsheet dialect, with <paramref name="delimiter"/> ;); throws on a malformed file.</summary>
    public static ExportedTable ParseCsv(string text, char delimiter = ',')
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                if (cell.Length > 0) throw new FormatException($"Quote inside an unquoted field at {i}.");
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException("Unterminated quoted field.");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            cell.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    cell.Append(text[i++]);
                }
                if (i < text.Length && text[i] != delimiter && text[i] != '\r') throw new FormatException($"Text after a closing quote at {i}.");
                continue;
            }
            if (text[i] == delimiter)
            {
                row.Add(cell.ToString());
                cell.Clear();
                i++;
                continue;
            }
            switch (text[i])
            {
                case '\r':
                    if (i + 1 >= text.Length || text[i + 1] != '\n') throw new FormatException($"CR without LF at {i}.");
                    row.Add(cell.ToString());
                    cell.Clear();
                    rows.Add(row);
                    row = [];
                    i += 2;
                    break;
                case '\n':
                    throw new FormatException($"Bare LF outside quotes at {i}: lines must end with CRLF.");
                default:
                    cell.Append(text[i++]);
                    break;
            }
        }
        if (cell.Length > 0 || row.Count > 0) throw new FormatException("The last line does not end with CRLF.");
        if (rows.Count == 0) throw new FormatException("No header row.");
        var header = rows[0];
        foreach (var (r, n) in rows.Skip(1).Select((r, n) => (r, n + 2)))
            if (r.Count != header.Count) throw new FormatException($"Line {n} has {r.Count} fields, the header {header.Count}.");
        return new ExportedTable(header, rows.Skip(1).Select(r => (IReadOnlyList<string?>)r.Select(v => v.Length == 0 ? null : v).ToList()).ToList());
    }

    /// <summary>Errors of a CSV export against its Table Schema; empty when it is valid.</summary>
    public static List<string> ValidateCsv(JsonNode schema, ExportedTable table)
    {
        var fields = Fields(schema);
        var errors = new List<string>();
        if (!table.Header.SequenceEqual(fields.Select(f => f.Name)))
        {
            errors.Add($"Header [{string.Join(",", table.Header)}] is not the fields [{string.Join(",", fields.Select(f => f.Name))}].");
            return errors;
        }
        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < fields.Count; c++)
            {
                var field = fields[c];
                var value = table.Rows[r][c];
                var where = $"row {r + 2}, {field.Name}";
                if (value is null)
                {
                    if (field.Required) errors.Add($"{where}: required value missing.");
                    continue;
                }
                var items = field.Separator is null ? [value] : value.Split(field.Separator);
                foreach (var item in items)
                {
                    if (!ParsesAs(item, field.ItemType ?? field.Type)) errors.Add($"{where}: '{item}' is not a {field.ItemType ?? field.Type}.");
                    if (field.Enum is not null && !field.Enum.Contains(item)) errors.Add($"{where}: '{item}' is not one of the enum values.");
                }
            }
        }
        CheckKeys(schema, fields, table.Rows, errors);
        return errors;
    }

    /// <summary>Parses JSON Lines into the same shape as a CSV export (repeated values joined with the field's separator) and checks their JSON types.</summary>
    public static ExportedTable ParseJsonLines(JsonNode schema, string text, List<string> errors)
    {
        var fields = Fields(schema);
        if (text.Length > 0 && !text.EndsWith('\n')) errors.Add("The last line does not end with LF.");
        var rows = new List<IReadOnlyList<string?>>();
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length - 1; n++)
        {
            var where = $"line {n + 1}";
            if (JsonNode.Parse(lines[n]) is not JsonObject record)
            {
                errors.Add($"{where}: not a JSON object.");
                continue;
            }
            var keys = record.Select(p => p.Key).ToList();
            if (!keys.SequenceEqual(fields.Select(f => f.Name))) errors.Add($"{where}: keys [{string.Join(",", keys)}] are not the fields.");
            var row = new List<string?>();
            foreach (var field in fields)
            {
                var node = record[field.Name];
                if (field.Separator is not null)
                {
                    if (node is not JsonArray array)
                    {
                        errors.Add($"{where}, {field.Name}: a repeated field must be an array.");
                        row.Add(null);
                        continue;
                    }
                    var items = array.Select(item => Text(item, field.ItemType!, $"{where}, {field.Name}", errors)).ToList();
                    row.Add(items.Count == 0 ? null : string.Join(field.Separator, items));
                }
                else
                {
                    row.Add(node is null ? null : Text(node, field.Type, $"{where}, {field.Name}", errors));
                }
            }
            rows.Add(row);
        }
        return new ExportedTable(fields.Select(f => f.Name).ToList(), rows);
    }

    /// <summary>Errors of a JSON Lines export against its Table Schema; empty when it is valid.</summary>
    public static List<string> ValidateJsonLines(JsonNode schema, string text)
    {
        var errors = new List<string>();
        var table = ParseJsonLines(schema, text, errors);
        errors.AddRange(ValidateCsv(schema, table));
        return errors;
    }

    private static string? Text(JsonNode? node, string type, string where, List<string> errors)
    {
        if (node is null) return null;
        var kind = node.GetValueKind();
        var expected = type switch
        {
            "integer" or "number" => kind == JsonValueKind.Number,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            _ => kind == JsonValueKind.String,
        };
        if (!expected)
        {
            errors.Add($"{where}: JSON {kind} where a {type} was expected.");
            return null;
        }
        return kind switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => node.ToJsonString(),
        };
    }

    private static void CheckKeys(JsonNode schema, IReadOnlyList<SchemaField> fields, IReadOnlyList<IReadOnlyList<string?>> rows, List<string> errors)
    {
        var names = fields.Select(f => f.Name).ToList();
        foreach (var field in fields.Where(f => f.Unique))
        {
            var index = names.IndexOf(field.Name);
            foreach (var twice in rows.Select(r => r[index]).Where(v => v is not null).GroupBy(v => v).Where(g => g.Count() > 1))
                errors.Add($"{field.Name}: '{twice.Key}' is not unique.");
        }
        var primaryKey = schema["primaryKey"]?.AsArray().Select(k => k!.GetValue<string>()).ToList();
        if (primaryKey is null) return;
        var indexes = primaryKey.Select(k => names.IndexOf(k)).ToList();
        if (indexes.Contains(-1))
        {
            errors.Add($"Primary key [{string.Join(",", primaryKey)}] names a missing field.");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var values = indexes.Select(i => row[i]).ToList();
            if (values.Any(v => v is null)) errors.Add($"Primary key [{string.Join(",", primaryKey)}] has a missing value.");
            else if (!seen.Add(string.Join('\u001f', values))) errors.Add($"Primary key ({string.Join(",", values)}) is not unique.");
        }
    }

    private static bool ParsesAs(string value, string type) => type switch
    {
        "string" => true,
        "integer" => IntegerText().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "number" => NumberText().IsMatch(value) && decimal.TryParse(value, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _),
        "boolean" => value is "true" or "True" or "TRUE" or "1" or "false" or "False" or "FALSE" or "0",
        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "datetime" => DateTimeText().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
        _ => false,
    };

    private sealed record SchemaField(string Name, string Type, bool Required, bool Unique, IReadOnlyList<string>? Enum, string? Separator, string? ItemType);

    private static List<SchemaField> Fields(JsonNode schema) => schema["fields"]!.AsArray().Select(f => new SchemaField(
        f!["name"]!.GetValue<string>(),
        f["type"]!.GetValue<string>(),
        f["constraints"]?["required"]?.GetValue<bool>() ?? false,
        f["constraints"]?["unique"]?.GetValue<bool>() ?? false,
        f["constraints"]?["enum"]?.AsArray().Select(v => v!.GetValue<string>()).ToList(),
        f["x-separator"]?.GetValue<string>(),
        f["x-itemType"]?.GetValue<string>())).ToList();

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex IntegerText();

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex NumberText();

    /// <summary>Table Schema's default datetime format: YYYY-MM-DDThh:mm:ssZ, in UTC.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex DateTimeText();
}
