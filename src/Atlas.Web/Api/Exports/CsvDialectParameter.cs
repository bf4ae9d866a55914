namespace Atlas.Web.Api.Exports;

/// <summary>The dialect parameter of the CSV downloads (their handlers are shared with the JSON Lines files, which do not take it).</summary>
internal static class CsvDialectParameter
{
    /// <summary>The query parameter choosing the CSV dialect.</summary>
    public const string Name = "dialect";

    /// <summary>The default dialect.</summary>
    public const string Rfc4180 = "rfc4180";

    /// <summary>The spreadsheet dialect (<see cref="Atlas.Core.Export.ExportFormat.ExcelCsv"/>).</summary>
    public const string Excel = "excel";

    /// <summary>How the OpenAPI document describes it.</summary>
    public static readonly ApiParameter Parameter = new(Name,
        "rfc4180 (the default): comma, no byte order mark, decimal point. excel: the file French spreadsheets open " +
        "cleanly, with a UTF-8 byte order mark, semicolons and a decimal comma.",
        [Rfc4180, Excel]);
}
