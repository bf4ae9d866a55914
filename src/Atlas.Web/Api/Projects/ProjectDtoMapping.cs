using Atlas.Core.Authorities;
using Atlas.Core.Contacts;
using Atlas.Core.Data;
using Atlas.Core.Organisations;
using Atlas.Core.Partnerships;
using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Atlas.Web.Api.Themes;

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

    public static ProjectDto ToDto(ProjectRecord record, ReferenceCatalog.Snapshot reference)
    {
        var p = record.Project;
        var main = p.Themes.FirstOrDefault(t => t.IsMain);
        return new ProjectDto(
            p.Id, p.Title, EnumCode<ProjectStatus>.ToCode(p.Status), p.FirstSignatureYear, p.StartYear, p.StartDate, p.EndYear, p.EndDate,
            p.Context, p.History, p.Objectives, p.Description, p.Form, p.Beneficiaries,
            p.TotalCostAmount is { } amount ? new MoneyDto(amount, p.TotalCostCurrency!) : null,
            p.IsTriennial, p.CommunicationInFrance, p.CommunicationInPartnerCountry, p.EvaluationPolicy,
            p.Partnership is { } pa
                ? new PartnershipRefDto(pa.Id, pa.Title, pa.LegalFrame, pa.SignedOn, pa.SignedYear, EnumCode<PartnershipStatus>.ToCode(pa.Status))
                : null,
            p.CountryCodes.Select(c => new CodeName(c, reference.CountryName(c))).ToList(),
            main is null ? null : Theme(main.ThemeId, reference),
            p.Themes.Where(t => !t.IsMain).OrderBy(t => t.Priority ?? int.MaxValue).Select(t => new OtherThemeDto(Theme(t.ThemeId, reference), t.Priority)).ToList(),
            p.Participants.Select(pp => Party(EnumCode<ParticipantRole>.ToCode(pp.Role), pp.LocalAuthority, pp.Organisation)).ToList(),
            p.Fundings.Select(f => new FundingDto(Party("funder", f.FunderAuthority, f.FunderOrganisation), f.Amount, f.CurrencyCode, f.WaterLawAmount, f.Year, f.Note)).ToList(),
            p.Contacts.Select(Contact).ToList(),
            p.Volunteers.Select(v => new VolunteerDto(string.Join(' ', new[] { v.FirstName, v.LastName }.Where(s => !string.IsNullOrWhiteSpace(s))), v.Mission, v.FieldOfAction, v.HostEntity)).ToList(),
            record.Posts.Select(post => new DiplomaticPostDto(post.Id, post.Name, post.Countries.Select(c => c.CountryCode).ToList(), post.Contacts.Select(Contact).ToList())).ToList(),
            p.Source, p.UpdatedAt, ProjectUrl(p.Id), p.Version);
    }

    private static ParticipantDto Party(string role, LocalAuthority? authority, Organisation? organisation) => authority is not null
        ? new ParticipantDto(role, "authority", authority.Id, authority.Name, authority.CountryCode, AuthorityUrl(authority.Id))
        : new ParticipantDto(role, "organisation", organisation!.Id, organisation.Name, organisation.CountryCode, null);

    private static ContactDto Contact(Contact c) =>
        new(c.FullName, c.Function, EnumCode<ContactRole>.ToCode(c.Role), c.LocalAuthority?.Name ?? c.Organisation?.Name);
}
