namespace Atlas.Web.Pages.Projets;

/// <summary>An authority or an organisation as a form's choice carries it: "a:12" or "o:5".</summary>
public static class PartyKey
{
    public static string Authority(int id) => "a:" + id.ToString(CultureInfo.InvariantCulture);

    public static string Organisation(int id) => "o:" + id.ToString(CultureInfo.InvariantCulture);

    public static string? Of(int? authorityId, int? organisationId) =>
        authorityId is { } a ? Authority(a) : organisationId is { } o ? Organisation(o) : null;

    public static int? AuthorityId(string? key) => Id(key, "a:");

    public static int? OrganisationId(string? key) => Id(key, "o:");

    private static int? Id(string? key, string prefix) =>
        key is not null && key.StartsWith(prefix, StringComparison.Ordinal)
        && int.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
