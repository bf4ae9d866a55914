using Microsoft.Net.Http.Headers;

namespace Atlas.Web.Api.Writes;

/// <summary>
/// A record's version as the write API exchanges it: a strong ETag ("1234") answered after each change, sent back in If-Match
/// with the next one.
/// </summary>
internal static class IfMatchVersion
{
    /// <summary>The version of a strong ETag ("1234"); null when missing or not one.</summary>
    public static uint? Read(string? ifMatch) =>
        EntityTagHeaderValue.TryParse(ifMatch, out var tag) && !tag.IsWeak
        && uint.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    public static string Tag(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Answers the record's version as ETag, on GET …/editable as after a write, so that the ETag read is the If-Match to send
    /// (the conditional-GET layer keeps a tag an endpoint set).
    /// </summary>
    public static void Answer(HttpContext http, uint version) => http.Response.Headers.ETag = Tag(version);

    /// <summary>428 when If-Match is missing, 400 when it is not one strong ETag.</summary>
    public static IResult Problem(string? ifMatch) => string.IsNullOrWhiteSpace(ifMatch)
        ? Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
            detail: "Send If-Match with the version the change is made from (the version field of the record, as a strong ETag: \"1234\").",
            type: "https://www.rfc-editor.org/rfc/rfc6585#section-3")
        : ApiProblems.BadParameter("If-Match", "Give the record's version as one strong ETag, e.g. \"1234\".");
}
