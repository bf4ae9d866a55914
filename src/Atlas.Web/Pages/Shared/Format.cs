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

    public static string Date(DateTimeOffset instant) => Date(Day(instant));

    /// <summary>
    /// « 6 décembre 2026 à 11 h 57 (heure de Paris) »: every time an editor reads (history, review, submissions) is told in
    /// the one zone the portal's people work in, and says so; the review pages once showed UTC and the history Paris time.
    /// </summary>
    public static string Instant(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Paris);
        var zone = Paris == TimeZoneInfo.Utc ? "UTC" : "heure de Paris";
        return $"{Date(DateOnly.FromDateTime(local.DateTime))} à {local.ToString("H' h 'mm", French)} ({zone})";
    }

    /// <summary>The day it is in France at that instant (the day a downloaded file is named after).</summary>
    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Paris).DateTime);

    /// <summary>A day when known, else a year; null when neither is.</summary>
    public static string? DateOrYear(DateOnly? date, int? year) =>
        date is { } d ? Date(d) : year?.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// "2007 – 2009", "depuis 2007", "jusqu'en 2009"; null without years. "depuis" only for a project still going on: a
    /// completed one with no end year "a commencé en 2005", a planned one "à partir de 2009".
    /// </summary>
    public static string? Years(int? start, int? end, Atlas.Core.Projects.ProjectStatus? status = null) => (start, end) switch
    {
        ({ } s, { } e) when s == e => s.ToString(CultureInfo.InvariantCulture),
        ({ } s, { } e) => $"{s} – {e}",
        ({ } s, null) when status == Atlas.Core.Projects.ProjectStatus.Completed => $"commencé en {s}",
        ({ } s, null) when status == Atlas.Core.Projects.ProjectStatus.Planned => $"à partir de {s}",
        ({ } s, null) => $"depuis {s}",
        (null, { } e) => $"jusqu'en {e}",
        _ => null,
    };

    /// <summary>"1 projet", "12 projets" (French puts 0 and 1 in the singular).</summary>
    public static string Count(int count, string singular, string plural) =>
        $"{Number(count)} {(count > 1 ? plural : singular)}";

    /// <summary>
    /// Free text with simple formatting, rendered safely: a blank line starts a paragraph, lines starting with "- ", "* " or
    /// "• " make a list, and http(s) addresses become links. Everything else is text: nothing typed can become markup.
    /// </summary>
    public static IHtmlContent Paragraphs(string? text)
    {
        var html = new HtmlContentBuilder();
        if (string.IsNullOrWhiteSpace(text)) return html;
        foreach (var block in BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()))
        {
            var lines = block.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var i = 0;
            while (i < lines.Length)
            {
                if (ListItem(lines[i]) is not null)
                {
                    html.AppendHtml("<ul>");
                    for (; i < lines.Length && ListItem(lines[i]) is { } item; i++)
                    {
                        html.AppendHtml("<li>");
                        AppendLinked(html, item);
                        html.AppendHtml("</li>");
                    }
                    html.AppendHtml("</ul>");
                    continue;
                }
                html.AppendHtml("<p>");
                for (var first = true; i < lines.Length && ListItem(lines[i]) is null; i++, first = false)
                {
                    if (!first) html.AppendHtml("<br>");
                    AppendLinked(html, lines[i]);
                }
                html.AppendHtml("</p>");
            }
        }
        return html;
    }

    private static string? ListItem(string line) =>
        line.Length > 2 && (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal) || line.StartsWith("• ", StringComparison.Ordinal))
            ? line[2..].Trim()
            : null;

    // Only absolute http(s) addresses are linked; the text and the address are both encoded.
    private static void AppendLinked(HtmlContentBuilder html, string line)
    {
        var at = 0;
        foreach (Match link in Links().Matches(line))
        {
            var address = link.Value.TrimEnd('.', ',', ';', ':', ')', '!', '?');
            html.Append(line[at..link.Index]);
            if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                html.AppendHtml("<a href=\"").Append(uri.AbsoluteUri).AppendHtml("\" rel=\"nofollow noopener noreferrer\">").Append(address).AppendHtml("</a>");
            }
            else
            {
                html.Append(address);
            }
            at = link.Index + address.Length;
        }
        html.Append(line[at..]);
    }

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex Links();

    /// <summary>
    /// A long text with what changed marked word by word (<see cref="Atlas.Core.Editing.WordDiff"/>), in a block that keeps its
    /// line breaks: side "before" is the old text with its removed words struck, "after" the new one with its added words
    /// marked, "both" the two in one. Built here rather than in a view so that the text carries no stray whitespace.
    /// </summary>
    public static IHtmlContent WordDiff(IReadOnlyList<Atlas.Core.Editing.DiffSegment> words, string side)
    {
        ArgumentNullException.ThrowIfNull(words);
        var html = new HtmlContentBuilder().AppendHtml("<div class=\"diff-text\">");
        foreach (var segment in words)
        {
            switch (segment.Kind)
            {
                case Atlas.Core.Editing.DiffKind.Same:
                    html.Append(segment.Text);
                    break;
                case Atlas.Core.Editing.DiffKind.Removed when side != "after":
                    html.AppendHtml("<del>").Append(segment.Text).AppendHtml("</del>");
                    break;
                case Atlas.Core.Editing.DiffKind.Added when side != "before":
                    html.AppendHtml("<ins>").Append(segment.Text).AppendHtml("</ins>");
                    break;
            }
        }
        return html.AppendHtml("</div>");
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
