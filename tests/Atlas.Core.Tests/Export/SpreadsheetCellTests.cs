using System.Text;
using Atlas.Core.Export;

namespace Atlas.Core.Tests.Export;

/// <summary>The spreadsheet dialect never hands a spreadsheet a formula: text that would start one is marked as text.</summary>
public sealed class SpreadsheetCellTests
{
    private sealed record Row(string Text, decimal? Amount);

    private static readonly ExportTable<Row> Table = new(
        new ExportTableInfo("cells", "Cells", "Cellules", "Cells.", "Cellules.", "none", [], []),
        new ExportColumns<Row>()
            .String("text", r => r.Text, "Texte", "Text.", "abc")
            .Number("amount", r => r.Amount, "Montant", "Amount.", "1.5"));

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"\"http://evil.example\"\")")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("- une liste", "- une liste")]
    [InlineData("Eau potable", "Eau potable")]
    public async Task Text_that_would_start_a_formula_is_marked_as_text_in_the_spreadsheet_dialect_only(string text, string spreadsheetCell)
    {
        var spreadsheet = await WriteAsync(ExportFormat.ExcelCsv, new Row(text, -1.5m));
        var standard = await WriteAsync(ExportFormat.Csv, new Row(text, -1.5m));

        var expected = spreadsheetCell.Contains('"', StringComparison.Ordinal) ? $"\"{spreadsheetCell}\"" : spreadsheetCell;
        Assert.Equal($"text;amount\r\n{expected};-1,5\r\n", spreadsheet);
        // The standard CSV keeps the text as written, and a negative amount is a number in both.
        Assert.StartsWith(text.Contains('"', StringComparison.Ordinal) ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) : text,
            standard.Split("\r\n")[1], StringComparison.Ordinal);
        Assert.EndsWith(",-1.5", standard.Split("\r\n")[1], StringComparison.Ordinal);
    }

    private static async Task<string> WriteAsync(ExportFormat format, Row row)
    {
        using var output = new MemoryStream();
        await format.WriteAsync(Table, Rows(row), output, "https://atlas.example", TestContext.Current.CancellationToken);
        var text = Encoding.UTF8.GetString(output.ToArray());
        return text.TrimStart('\uFEFF');
    }

    private static async IAsyncEnumerable<Row> Rows(Row row)
    {
        await Task.Yield();
        yield return row;
    }
}
