using System.Collections.Frozen;

namespace Atlas.Core.Data;

/// <summary>The kebab-case code of an enum member ("CommuneUrbaine" ↔ "commune-urbaine"), as stored and as published.</summary>
public static class EnumCode<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Codes =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => Kebab(v.ToString()));

    private static readonly FrozenDictionary<string, TEnum> Values =
        Codes.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> All => Codes.Values;

    public static string ToCode(TEnum value) => Codes[value];

    public static bool TryParse(string? code, out TEnum value)
    {
        value = default;
        return code is not null && Values.TryGetValue(code, out value);
    }

    public static TEnum Parse(string code) =>
        TryParse(code, out var value) ? value : throw new FormatException($"Unknown {typeof(TEnum).Name} code '{code}'.");

    private static string Kebab(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
