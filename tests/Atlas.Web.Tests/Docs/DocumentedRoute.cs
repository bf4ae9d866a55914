using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Atlas.Web.Tests.Docs;

/// <summary>
/// A route written in a document, such as <c>/projets/{id}</c>, <c>GET /api/v1/projects/{id}/editable</c>,
/// <c>/pays/SN?page=2</c> or <c>/api/v1/exports/{list}.csv</c>; <c>{a|b}</c> stands for each of its choices.
/// </summary>
/// <param name="Document">Where it is written.</param>
/// <param name="Method">The HTTP method written before it, if any.</param>
/// <param name="Path">The path without its query; every parameter is written <c>{}</c>.</param>
public sealed partial record DocumentedRoute(string Document, string? Method, string Path)
{
    /// <summary>Folders of the file system, not of the portal: <c>/var/tmp/atlas/postgres</c> is no route.</summary>
    private static readonly HashSet<string> FileSystemRoots = ["bin", "dev", "etc", "home", "opt", "proc", "run", "srv", "tmp", "usr", "var", "work"];

    /// <summary>A path ending with / names the start of routes (<c>/api/v1/</c>), not one route.</summary>
    public bool IsPrefix => Path.Length > 1 && Path.EndsWith('/');

    public bool HasParameters => Path.Contains("{}", StringComparison.Ordinal);

    public override string ToString() => $"{Document}: {(Method is null ? "" : Method + " ")}{Path}";

    /// <summary>Every route written in the code of a document (spans, blocks) and in its links.</summary>
    public static IEnumerable<DocumentedRoute> In(string document)
    {
        var text = Documents.Read(document);
        foreach (var code in Documents.Code(text).Concat(Documents.Links(text)))
        {
            foreach (Match match in Local().Matches(code).Concat(Bare().Matches(code)))
            {
                var path = match.Groups["path"].Value;
                if (path.Length == 0 || path.Contains('…', StringComparison.Ordinal)) continue;
                path = path.Split('?', '#')[0].TrimEnd('.', ',', ';', ':');
                var first = path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                if (first is not null && FileSystemRoots.Contains(first)) continue;
                var method = match.Groups["method"].Success ? match.Groups["method"].Value : null;
                foreach (var expanded in Expand(path)) yield return new DocumentedRoute(document, method, Parameter().Replace(expanded, "{}"));
            }
        }
    }

    /// <summary>Whether this route is served by <paramref name="pattern"/>, read as routing would: a written value fits a parameter (an int one if it is digits).</summary>
    public bool Matches(RoutePattern pattern)
    {
        var written = Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var segments = pattern.PathSegments;
        for (var s = 0; s < segments.Count; s++)
        {
            var parameter = segments[s].IsSimple ? segments[s].Parts[0] as RoutePatternParameterPart : null;
            if (parameter is { IsCatchAll: true }) return written.Length > s;
            if (s >= written.Length) return s == segments.Count - 1 && parameter is { IsOptional: true };
            if (!SegmentMatches(written[s], segments[s], parameter)) return false;
        }
        return written.Length == segments.Count;
    }

    /// <summary>The route of an endpoint as these tests write it: <c>/projets/{}</c>.</summary>
    public static string Shape(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(Shape));

    private static string Shape(RoutePatternPathSegment segment) =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "{}",
        }));

    private static bool SegmentMatches(string written, RoutePatternPathSegment segment, RoutePatternParameterPart? parameter)
    {
        if (parameter is not null)
        {
            if (written == "{}") return true;
            if (written.Contains('{', StringComparison.Ordinal)) return false;
            return parameter.ParameterPolicies.All(p => p.Content != "int" || written.All(char.IsAsciiDigit));
        }
        var shape = Shape(segment);
        if (string.Equals(shape, written, StringComparison.OrdinalIgnoreCase)) return true;
        // {list}.csv written for the literal projects.csv, partnerships.csv…
        return written.Contains("{}", StringComparison.Ordinal) && !shape.Contains('{', StringComparison.Ordinal)
            && Regex.IsMatch(shape, "^" + Regex.Escape(written).Replace(@"\{}", "[^/]+", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase);
    }

    /// <summary><c>/api/v1/{projects|partnerships}/{id}</c> is <c>/api/v1/projects/{id}</c> and <c>/api/v1/partnerships/{id}</c>.</summary>
    private static IEnumerable<string> Expand(string path)
    {
        var choice = Choice().Match(path);
        if (!choice.Success) return [path];
        return choice.Groups[1].Value.Split('|')
            .SelectMany(c => Expand(path[..choice.Index] + c + path[(choice.Index + choice.Length)..]));
    }

    // http://127.0.0.1:5080/api/v1/projects?country=MA, http://localhost:8080/
    [GeneratedRegex(@"(?:(?<method>GET|POST|PUT|PATCH|DELETE)\s+)?https?://(?:127\.0\.0\.1|localhost)(?::\d+)?(?<path>/[^\s'""`<>)\]]*)")]
    private static partial Regex Local();

    // /projets/{id}, GET /api/v1/stats; not application/json, 10.0.0.0/8, https://example.org or ../README.md
    [GeneratedRegex(@"(?:(?<method>GET|POST|PUT|PATCH|DELETE)\s+)?(?<![\w.:/~>-])(?<path>/[^\s'""`<>)\],]*)")]
    private static partial Regex Bare();

    [GeneratedRegex(@"\{[^}/]*\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\{([^}/]*\|[^}/]*)\}")]
    private static partial Regex Choice();
}
