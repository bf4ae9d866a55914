using System.Globalization;
using AngleSharp.Dom;
using Atlas.Web.Tests.Infrastructure;
using Npgsql;

namespace Atlas.Web.Tests.Pages;

/// <summary>What the directory tests share: SQL over the base tables, and a walk through every numbered page of a list.</summary>
internal static class DirectoryPages
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>A French reader's order, as .NET's ICU says it: the pages' order (PostgreSQL's ICU) is checked against it.</summary>
    public static readonly StringComparer FrenchOrder = StringComparer.Create(French, CompareOptions.None);

    /// <summary>The rows of a query over the base tables, each as its columns' values.</summary>
    public static async Task<List<object?[]>> RowsAsync(string connectionString, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The total the page's heading states (« 240 collectivités »; « Aucune … » is 0).</summary>
    public static int Total(IDocument page)
    {
        var text = PageAssertions.Normalize(page.Text("result-count"));
        if (text.StartsWith("Aucun", StringComparison.Ordinal)) return 0;
        var digits = new string(text.TakeWhile(c => char.IsDigit(c) || c == ' ').Where(char.IsDigit).ToArray());
        return int.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>Every result item of every numbered page of <paramref name="url"/>, in the pages' order, with the attribute that identifies each.</summary>
    public static async Task<(int Total, List<IElement> Items)> AllPagesAsync(AtlasApp app, string url)
    {
        var first = await app.GetDocumentAsync(url);
        PageAssertions.IsClean(first);
        var total = Total(first);
        var items = first.QuerySelectorAll("[data-testid='result-item']").ToList();
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var page = 2; items.Count < total; page++)
        {
            var doc = await app.GetDocumentAsync($"{url}{separator}page={page}");
            PageAssertions.IsClean(doc);
            var found = doc.QuerySelectorAll("[data-testid='result-item']").ToList();
            Assert.NotEmpty(found);
            Assert.Equal(page.ToString(CultureInfo.InvariantCulture), doc.QuerySelector("[data-testid='pagination'] [aria-current='page']")?.TextContent.Trim());
            items.AddRange(found);
        }
        return (total, items);
    }

    public static int Int(IElement element, string attribute) => int.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);

    /// <summary>The options of a select that carry counts: value → count.</summary>
    public static Dictionary<string, int> Facet(IDocument page, string facet) => page.QuerySelectorAll($"[data-testid='facet-{facet}']")
        .ToDictionary(o => o.GetAttribute("data-value")!, o => int.Parse(o.GetAttribute("data-count")!, CultureInfo.InvariantCulture));

    /// <summary>The error message beside a field (data-testid field-error-{name}).</summary>
    public static string FieldError(IDocument page, string name) =>
        page.QuerySelector($"[data-testid='field-error-{name}']")?.TextContent.Trim() ?? "";
}
