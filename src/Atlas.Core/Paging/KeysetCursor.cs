using System.Buffers.Text;

namespace Atlas.Core.Paging;

/// <summary>
/// Where the next page of a list starts: the sort it was made for, the last item's sort value and id. Opaque to
/// clients (base64url of JSON), so its shape may change with the "v" it carries.
/// </summary>
public sealed record KeysetCursor(string Sort, string? Value, int Id)
{
    private const int Version = 1;

    public string Encode() =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Payload(Version, Sort, Value, Id)));

    public static KeysetCursor? TryDecode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 2000) return null;
        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(text));
            return payload is { V: Version, S: not null } && payload.I > 0 ? new KeysetCursor(payload.S, payload.X, payload.I) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record Payload(int V, string S, string? X, int I);
}
