namespace Atlas.Web.Api.Writes;

/// <summary>"a partnership", "an authority": summaries built from a record's noun read as English.</summary>
internal static class EnglishArticle
{
    public static string A(string noun) => "aeiou".Contains(char.ToLowerInvariant(noun[0]), StringComparison.Ordinal) ? $"an {noun}" : $"a {noun}";
}
