using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Atlas.Web.Pages.Shared;

/// <summary>French formatting of numbers, amounts, dates and free text for the public pages.</summary>
public static partial class Format
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private const char NoBreakSpace = '\u00A0';

    private static readonly TimeZoneInfo Paris = FindParis();

    /// <summary>"500 000" (the thousands separator is a narrow no-break space).</summary>
    public static string Number(int value) => value.ToString("N0", French);

    public static string Number(decimal value) =>
        value.ToString(value == decimal.Truncate(value) ? "N0" : "N2", French);

    /// <summary>The amount in its own currency, never converted: "123 500 €", "994 690 MAD".</summary>
    public static string Money(decimal amount, string currency) => $"{Number(amount)}{NoBreakSpace}{CurrencySymbol(currency)}";

    /// <summary>The amount in its own currency; a currency other than the euro is an abbreviation titled with its name.</summary>
    public static IHtmlContent MoneyHtml(decimal amount, string currency, string? currencyName)
    {
        var symbol = CurrencySymbol(currency);
        var html = new HtmlContentBuilder().Append(Number(amount)).Append(NoBreakSpace.ToString());
        if (symbol == "€" || currencyName is null) return html.Append(symbol);
        return html.AppendHtml("<abbr title=\"").Append(currencyName).AppendHtml("\">").Append(symbol).AppendHtml("</abbr>");
    }

    public static string CurrencySymbol(string currency) => currency.ToUpperInvariant() switch
    {
        "EUR" => "€",
        var code => code,
    };

    /// <summary>"31 décembre 2015", "1er janvier 2010".</summary>
    public static string Date(DateOnly date) =>
        date.Day == 1 ? $"1er {date.ToString("MMMM yyyy", French)}" : date.ToString("d MMMM yyyy", French);

    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Paris).DateTime));

    /// <summary>A day when known, else a year; null when neither is.</summary>
    public static string? DateOrYear(DateOnly? date, int? year) =>
        date is { } d ? Date(d) : year?.ToString(CultureInfo.InvariantCulture);

    /// <summary>"2007 – 2009", "depuis 2007", "jusqu'en 2009"; null without years.</summary>
    public static string? Years(int? start, int? end) => (start, end) switch
    {
        ({ } s, { } e) when s == e => s.ToString(CultureInfo.InvariantCulture),
        ({ } s, { } e) => $"{s} – {e}",
        ({ } s, null) => $"depuis {s}",
        (null, { } e) => $"jusqu'en {e}",
        _ => null,
    };

    /// <summary>"1 projet", "12 projets" (French puts 0 and 1 in the singular).</summary>
    public static string Count(int count, string singular, string plural) =>
        $"{Number(count)} {(count > 1 ? plural : singular)}";

    /// <summary>Free text as encoded paragraphs: a blank line starts a paragraph, a line break stays a line break.</summary>
    public static IHtmlContent Paragraphs(string? text)
    {
        var html = new HtmlContentBuilder();
        if (string.IsNullOrWhiteSpace(text)) return html;
        foreach (var block in BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()))
        {
            var lines = block.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (lines.Length == 0) continue;
            html.AppendHtml("<p>");
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) html.AppendHtml("<br>");
                html.Append(lines[i]);
            }
            html.AppendHtml("</p>");
        }
        return html;
    }

    public static bool HasText(string? text) => !string.IsNullOrWhiteSpace(text);

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
