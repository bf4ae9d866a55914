using System.Globalization;
using System.Text;

namespace Atlas.Web.Tests.Hardening;

/// <summary>
/// Values an attacker or a broken client sends, drawn from one seeded <see cref="Random"/> so that a failing run can be
/// replayed: a fixed corpus of known troublemakers (NUL, lone surrogates, injections, overflows, odd Unicode), random
/// strings over every plane, and plausible values so that requests also get past the first check.
/// </summary>
public sealed class HostileValues(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Corpus =
    [
        "", " ", "\t\n", "\0", "a\0b", "eau\0x", "\uD800", "x\uDC00y", "\uFFFE", "\uFEFF", "\u202Eélabom", "😀", "Fe\u0300s", "&\u0354", "l\u02BCeau", "\u0149", "Ⅻ", "１２", "٢٠٠٨",
        "'", "\"", "\\", "' OR 1=1 --", "1; DROP TABLE projects; --", "%", "_", "%%", "*", "(", ")", "[", "]", "{", "}", "a&b=c", "#", "?",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "{{7*7}}", "${jndi:ldap://x}", "../../etc/passwd", "..\\..\\boot.ini",
        "-1", "0", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999", "1e309", "-0", "1.5",
        "0x10", "NaN", "Infinity", "true", "null", "[]", "{}", "2020-13-45", "0000-00-00", "9999-12-31", "-5000-01-01",
        "MA", "ma", "FR", "XX", "MA,FR", "2A", "99", "976", "culture", "culture/patrimoine", "ongoing", "termine", "title", "-title", "name",
        "Fès", "Marrakech", "Woippy", "Saint-Étienne",
    ];

    public int Seed { get; } = seed;

    public int Next(int max) => _random.Next(max);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public bool Chance(double p) => _random.NextDouble() < p;

    /// <summary>A string as .NET holds it: a corpus value, a random one, or a long one.</summary>
    public string Text() => _random.Next(10) switch
    {
        < 6 => Pick(Corpus),
        < 9 => RandomText(_random.Next(1, 60)),
        _ => new string(Pick(['a', 'é', '\0', '%']), _random.Next(300, 6000)),
    };

    /// <summary>A query-string value as the wire carries it (percent-encoded bytes), including bytes no text can hold.</summary>
    public string UrlValue() => _random.Next(12) switch
    {
        0 => "%ED%A0%80", // a surrogate encoded as UTF-8 (CESU-8): not UTF-8
        1 => "%FF%FE",
        2 => "%",
        3 => "%zz",
        _ => Escape(Text()),
    };

    /// <summary>A JSON value of any type, as text: hostile strings written with escapes JSON allows but text may not.</summary>
    public string JsonValue(int depth = 0) => _random.Next(14) switch
    {
        < 6 => JsonString(Text()),
        6 => Pick(["0", "-1", "1", "2147483648", "-2147483649", "1e309", "1.5", "-0.0", "123456789012345678901234567890"]),
        7 => Pick(["true", "false", "null"]),
        8 => "\"\\ud800\"",
        9 => "\"a\\u0000b\"",
        10 when depth < 3 => "[" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(_ => JsonValue(depth + 1))) + "]",
        11 when depth < 3 => "{" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(_ => JsonString(Text()) + ":" + JsonValue(depth + 1))) + "}",
        _ => JsonString(Pick(Corpus)),
    };

    /// <summary>A body that is not a JSON object at all, or barely one.</summary>
    public string BrokenJson() => Pick([
        "", "null", "[]", "\"x\"", "42", "{", "{\"a\":", "{\"a\" 1}", "{'a':1}", "{\"a\":1,}", "{\"a\":\"\\x00\"}", "{\"a\":\"\u0001\"}",
        new string('[', 5000), "{\"a\":" + new string('[', 200) + new string(']', 200) + "}", "\uFEFF{}", "{}{}",
    ]);

    private string RandomText(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(_random.Next(8) switch
            {
                0 => (char)_random.Next(0, 0x20),
                1 => (char)_random.Next(0xD800, 0xE000), // half a surrogate pair, alone
                2 => (char)_random.Next(0x80, 0x800),
                3 => char.ConvertFromUtf32(_random.Next(0x10000, 0x10FFFF))[0], // often the high half only
                _ => (char)_random.Next(0x20, 0x7F),
            });
        }
        return text.ToString();
    }

    /// <summary>Percent-encodes UTF-8, writing a lone surrogate as the three bytes a careless encoder would.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~') escaped.Append(c);
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) Bytes(escaped, Encoding.UTF8.GetBytes(text.Substring(i++, 2)));
            else if (char.IsSurrogate(c)) Bytes(escaped, [(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))]);
            else Bytes(escaped, Encoding.UTF8.GetBytes(c.ToString()));
        }
        return escaped.ToString();
    }

    /// <summary>A JSON string literal of <paramref name="text"/>, every non-ASCII or control character as a \u escape.</summary>
    public static string JsonString(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\') json.Append('\\').Append(c);
            else if (c < 0x20 || c > 0x7E) json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else json.Append(c);
        }
        return json.Append('"').ToString();
    }

    private static void Bytes(StringBuilder escaped, byte[] bytes)
    {
        foreach (var b in bytes) escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
    }
}
