namespace Atlas.Web.Hosting;

/// <summary>
/// The fields of a page request that <see cref="TextInputGuard"/> took out because their text cannot be stored, by field
/// name: the page shows a French message beside each, as for any other invalid value.
/// </summary>
public sealed class RefusedTextInput
{
    private static readonly RefusedTextInput None = new();

    public Dictionary<string, TextFault> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>The fields refused in this request; none when the guard took nothing out.</summary>
    public static RefusedTextInput Of(HttpContext context) => context.Features.Get<RefusedTextInput>() ?? None;

    /// <summary>Each refused field with the message shown beside it.</summary>
    public IEnumerable<(string Field, string Message)> Messages => Fields.Select(f => (f.Key, StorableText.French(f.Value)));
}
