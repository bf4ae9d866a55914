using System.Text;
using System.Text.Unicode;
using Microsoft.Extensions.Primitives;

namespace Atlas.Web.Hosting;

/// <summary>
/// The one place where text from outside is checked before anything reads it: the path, every query parameter, every form
/// field and every JSON string (names included) must be storable (<see cref="StorableText"/>). PostgreSQL refuses a NUL
/// (22021) and System.Text.Json throws on a lone surrogate, both as 500s before this guard. The API answers 400
/// problem+json naming each bad field; a page loses the bad fields, answers 400 and shows a French message beside each
/// (<see cref="RefusedTextInput"/>), so that nothing downstream ever sees them and no stored row changes.
/// </summary>
internal sealed class TextInputGuard(RequestDelegate next)
{
    /// <summary>
    /// No search or filter needs a longer address (the longest filter value, q, takes 200 characters): longer ones answer 414
    /// here, with a body saying so, up to Kestrel's own limit (<see cref="TransportSecurity.MaxRequestLineBytes"/>).
    /// </summary>
    public const int MaxQueryLength = 16 * 1024;

    /// <summary>The largest form read again field by field: the longest form, a project's, holds five 20,000-character texts.</summary>
    private const int MaxFormBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var api = ApiPath.Matches(request.Path);
        var refused = new Dictionary<string, TextFault>(StringComparer.Ordinal);

        if (request.QueryString.Value?.Length > MaxQueryLength)
        {
            if (api) await ApiProblems.UriTooLong(MaxQueryLength).ExecuteAsync(context);
            else context.Response.StatusCode = StatusCodes.Status414UriTooLong;
            return;
        }

        if (StorableText.Check(request.Path.Value) is { } pathFault)
        {
            // No page can show a message beside its address: the French error page (or the problem) says what is wrong.
            if (api) await ApiProblems.BadParameter("path", StorableText.English(pathFault)).ExecuteAsync(context);
            else context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (Refuse(request.Query, refused) is { } query) request.Query = new QueryCollection(query);

        if (api && request.HasJsonContentType() && request.ContentLength is not 0)
        {
            var body = await ReadAllAsync(request.Body, context.RequestAborted);
            if (JsonFault(body) is var (field, fault)) refused[field] = fault;
            request.Body = new MemoryStream(body, writable: false);
        }
        else if (!api && request.HasFormContentType)
        {
            var form = await ReadFormAsync(request, context.RequestAborted);
            if (Refuse(form, refused) is { } fields) request.Form = new FormCollection(fields, form.Files);
        }

        if (refused.Count == 0)
        {
            await next(context);
            return;
        }

        if (api)
        {
            await ApiProblems.BadParameters(refused.ToDictionary(f => f.Key, f => new[] { StorableText.English(f.Value) }, StringComparer.Ordinal))
                .ExecuteAsync(context);
            return;
        }

        var feature = new RefusedTextInput();
        foreach (var (field, fault) in refused) feature.Fields[field] = fault;
        context.Features.Set(feature);
        context.Response.OnStarting(() =>
        {
            // The page is shown with its messages; it never answers 200 to input it refused.
            if (context.Response.StatusCode == StatusCodes.Status200OK) context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        });
        await next(context);
    }

    /// <summary>The fields without the refused ones (added to <paramref name="refused"/>); null when all are storable.</summary>
    private static Dictionary<string, StringValues>? Refuse(IEnumerable<KeyValuePair<string, StringValues>> fields, Dictionary<string, TextFault> refused)
    {
        Dictionary<string, StringValues>? kept = null;
        foreach (var (name, values) in fields)
        {
            var fault = StorableText.Check(name);
            foreach (var value in values)
            {
                if (fault is not null) break;
                fault = StorableText.Check(value);
            }
            if (fault is null) continue;
            refused[Shown(name)] = fault.Value;
            kept ??= new Dictionary<string, StringValues>(fields, StringComparer.Ordinal);
            kept.Remove(name);
        }
        return kept;
    }

    /// <summary>A field's name as an answer can carry it: a name that is itself bad is shown with its bad characters replaced.</summary>
    private static string Shown(string name)
    {
        if (StorableText.Check(name) is null) return name;
        var shown = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes()) shown.Append((rune.Value == 0 ? Rune.ReplacementChar : rune).ToString());
        return shown.ToString();
    }

    /// <summary>
    /// The form's fields. ASP.NET Core's form reader refuses a whole form that holds a NUL anywhere (InvalidDataException),
    /// which would name no field: such a URL-encoded form is read again here, field by field, so that the page can say which.
    /// </summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException) when (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && request.Body.Length <= MaxFormBytes)
        {
            request.Body.Position = 0;
            using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
            return new FormCollection(QueryHelpers.ParseQuery(await reader.ReadToEndAsync(ct)));
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>
    /// The path ("fundings[0].funder") and fault of the first string or member name that cannot be stored; null when there is
    /// none, or when the body is not JSON at all (the endpoint says so in its own 400).
    /// </summary>
    private static (string Field, TextFault Fault)? JsonFault(byte[] json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var path = new List<JsonStep>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        NextElement(path);
                        path.Add(new JsonStep(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var (name, nameFault) = Read(ref reader);
                        path[^1].Member = name;
                        if (nameFault is { } f) return (Path(path), f);
                        break;
                    case JsonTokenType.String:
                        NextElement(path);
                        if (Read(ref reader).Fault is { } valueFault) return (Path(path), valueFault);
                        break;
                    default:
                        NextElement(path);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    private static void NextElement(List<JsonStep> path)
    {
        if (path.Count > 0 && path[^1].IsArray) path[^1].Index++;
    }

    // The reader refuses an unescaped NUL but lets bytes that are not UTF-8 through (GetString then throws): an unescaped
    // value needs only that check; an escaped one can spell a NUL or half a surrogate pair.
    private static (string Text, TextFault? Fault) Read(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            if (!Utf8.IsValid(reader.ValueSpan)) return ("\uFFFD", TextFault.InvalidUtf8);
            return (reader.TokenType == JsonTokenType.PropertyName ? reader.GetString()! : "", null);
        }
        try
        {
            var text = reader.GetString()!;
            return (text, StorableText.Check(text));
        }
        catch (InvalidOperationException)
        {
            return ("\uFFFD", TextFault.LoneSurrogate);
        }
    }

    private static string Path(List<JsonStep> path)
    {
        var text = new StringBuilder();
        foreach (var step in path)
        {
            if (step.IsArray) text.Append('[').Append(step.Index).Append(']');
            else if (step.Member is { } member) text.Append(text.Length == 0 ? "" : ".").Append(Shown(member));
        }
        return text.Length == 0 ? "body" : text.ToString();
    }

    private sealed class JsonStep(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Member { get; set; }
    }
}
