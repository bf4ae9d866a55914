using System.Buffers;

namespace Atlas.Core.Export;

/// <summary>
/// The cells of a CSV line, encoded in UTF-8 straight into the send buffer: the delimiter before all but the first, a cell
/// quoted when it holds a delimiter, a quote or a line break. Values are formatted into the buffer, not through a string:
/// at 1.27 million projects (31 columns) the strings of numbers, dates, joined lists and links were about 20 million
/// allocations, and each line was copied once more through a StringBuilder.
/// </summary>
internal sealed class CsvCells(ArrayBufferWriter<byte> buffer, char delimiter)
{
    /// <summary>Refuses what is not text (a lone surrogate) rather than writing a replacement character into the file.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly SearchValues<char> _quoted = SearchValues.Create([delimiter, '"', '\r', '\n']);
    private bool _first = true;

    public ArrayBufferWriter<byte> Buffer => buffer;

    /// <summary>Starts the next cell of the line.</summary>
    public void Next()
    {
        if (_first)
        {
            _first = false;
            return;
        }
        buffer.GetSpan(1)[0] = (byte)delimiter;
        buffer.Advance(1);
    }

    /// <summary>Ends the line (CRLF).</summary>
    public void EndLine()
    {
        buffer.Write("\r\n"u8);
        _first = true;
    }

    /// <summary>Whether the text must be quoted.</summary>
    public bool NeedsQuotes(ReadOnlySpan<char> text) => text.IndexOfAny(_quoted) >= 0;

    /// <summary>A cell's text, quoted when it must be (its quotes doubled).</summary>
    public void Text(ReadOnlySpan<char> text)
    {
        if (!NeedsQuotes(text))
        {
            Plain(text);
            return;
        }
        buffer.Write("\""u8);
        for (var quote = text.IndexOf('"'); quote >= 0; quote = text.IndexOf('"'))
        {
            Plain(text[..(quote + 1)]);
            buffer.Write("\""u8);
            text = text[(quote + 1)..];
        }
        Plain(text);
        buffer.Write("\""u8);
    }

    /// <summary>Text known to need no quotes (see <see cref="NeedsQuotes"/>), or part of a cell's text.</summary>
    public void Plain(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return;
        buffer.Advance(Utf8.GetBytes(text, buffer.GetSpan(Utf8.GetMaxByteCount(text.Length))));
    }

    /// <summary>A value that never needs quotes (a number, a date), in the invariant culture.</summary>
    public void Value<T>(T value, ReadOnlySpan<char> format = default) where T : IUtf8SpanFormattable
    {
        // 64 bytes hold any number, date or time these columns write.
        if (!value.TryFormat(buffer.GetSpan(64), out var written, format, CultureInfo.InvariantCulture))
            throw new InvalidOperationException($"{value} is longer than a cell's value can be.");
        buffer.Advance(written);
    }

    public void Ascii(ReadOnlySpan<byte> text) => buffer.Write(text);
}
