namespace Atlas.Web.Api.Projects;

/// <summary>From Core's project records to the API's documented shapes.</summary>
internal static class ProjectDtoMapping
{
    public static string ProjectUrl(int id) => $"/projets/{id}";
    public static string ProjectApiUrl(int id) => $"/api/v1/projects/{id}";
    public static string AuthorityUrl(int id) => $"/collectivites/{id}";

    public static ProjectListItemDto ToListItem(ProjectSummary p, ReferenceCatalog.Snapshot reference) => new(
        p.Id, p.Title, EnumCode<ProjectStatus>.ToCode(p.Status), p.StartYear, p.EndYear,
        p.PartnershipId is { } pid ? new PartnershipRefDto(pid, p.PartnershipTitle!) : null,
        p.CountryCodes.Select(c => new CodeName(c, reference.CountryName(c))).ToList(),
        p.MainTheme is null ? null : Theme(p.MainTheme.Id, reference),
        p.Authorities.Select(a => new AuthorityRefDto(a.Id, a.Name, a.CountryCode, AuthorityUrl(a.Id))).ToList(),
        p.UpdatedAt, ProjectUrl(p.Id), ProjectApiUrl(p.Id));

    public static ThemeDto Theme(int id, ReferenceCatalog.Snapshot reference)
    {
        var path = reference.ThemePath(id).ToList();
        return new ThemeDto(path[^1].Key, path[^1].Name, path.Select(t => t.Name).ToList());
    }
}
