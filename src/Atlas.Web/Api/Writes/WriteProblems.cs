using System.Text.RegularExpressions;

namespace Atlas.Web.Api.Writes;

/// <summary>The problem+json answers of a refused write, the same for every record ("Project 12", "Partnership 3"…).</summary>
internal static partial class WriteProblems
{
    public static IResult Forbidden(string record) => Forbidden(record, $"{record} is outside the scope of the token's account.");

    /// <summary>403 saying why, when the reason is not the account's scope.</summary>
    public static IResult Forbidden(string record, string why) => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
        detail: why, type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4");

    /// <summary>409 naming the fields changed since the version sent and their authors, with the version to read again.</summary>
    public static IResult Conflict(string record, uint version, EditResult.Conflict conflict)
    {
        var fields = conflict.Fields;
        var authors = conflict.Changes.Select(c => c.UserName).Distinct(StringComparer.Ordinal).ToList();
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Edit conflict",
            Detail = $"{record} was changed since version {version}" + (authors.Count > 0 ? " by " + string.Join(", ", authors) : "") +
                (fields.Count > 0 ? ": " + string.Join(", ", fields) : "") + $". Nothing was saved: read version {conflict.CurrentVersion} and make the change again.",
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        };
        problem.Extensions["fields"] = fields;
        problem.Extensions["currentVersion"] = conflict.CurrentVersion;
        return Results.Problem(problem);
    }

    /// <summary>400 with each rule broken in English, under the field's name in the body (<paramref name="apiField"/> renames what differs).</summary>
    public static IResult Invalid(EditResult.Invalid invalid, Func<string, string>? apiField = null)
    {
        var name = apiField ?? ApiField;
        return Results.Problem(new ValidationProblemDetails(
            invalid.Errors.ToDictionary(e => name(e.Key), e => e.Value.Select(f => f.English).ToArray(), StringComparer.Ordinal))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid record",
            Detail = "Nothing was saved: " + string.Join(" ", invalid.Errors.Select(e => $"{name(e.Key)}: {string.Join(" ", e.Value.Select(f => f.English))}")),
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        });
    }

    /// <summary>A Core field as the body names it: "Fundings[0].Amount" is "fundings[0].amount".</summary>
    public static string ApiField(string field) => SegmentStart().Replace(field, m => m.Value.ToLowerInvariant());

    [GeneratedRegex(@"(?<=^|\.)[A-Z]")]
    private static partial Regex SegmentStart();
}
