namespace Atlas.Web.Api.Exports;

/// <summary>A CSV dialect (Frictionless CSV Dialect).</summary>
/// <param name="Delimiter">The field separator.</param>
/// <param name="LineTerminator">The line end.</param>
/// <param name="QuoteChar">The quote around fields holding a delimiter, a quote or a line break.</param>
/// <param name="DoubleQuote">A quote inside a quoted field is doubled.</param>
/// <param name="Header">The first row names the columns.</param>
public sealed record CsvDialectDto(string Delimiter, string LineTerminator, string QuoteChar, bool DoubleQuote, bool Header);
