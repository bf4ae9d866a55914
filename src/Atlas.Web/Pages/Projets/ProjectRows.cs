using System.Globalization;
using Atlas.Core.Data;
using Atlas.Core.Projects;

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

/// <summary>One row of the participants table: an existing participation (its party shown, not changed), or a new one found by name.</summary>
public sealed class ParticipantRow
{
    public int? Id { get; set; }
    /// <summary>The participant, as a <see cref="PartyKey"/>.</summary>
    public string? Party { get; set; }
    /// <summary>Its name, as shown for an existing participation.</summary>
    public string? Name { get; set; }
    /// <summary>Part of the name of an existing authority or organisation, for a new participation.</summary>
    public string? Search { get; set; }
    public string? Role { get; set; }
    public bool Remove { get; set; }

    public bool IsBlank => Id is null && string.IsNullOrEmpty(Party) && string.IsNullOrWhiteSpace(Search) && string.IsNullOrEmpty(Role);

    public static ParticipantRow Of(ProjectParticipant participant) => new()
    {
        Id = participant.Id,
        Party = PartyKey.Of(participant.LocalAuthorityId, participant.OrganisationId),
        Name = participant.Name,
        Role = EnumCode<ParticipantRole>.ToCode(participant.Role),
    };

    public ParticipantValues ToValues() => new()
    {
        Id = Id,
        LocalAuthorityId = PartyKey.AuthorityId(Party),
        OrganisationId = PartyKey.OrganisationId(Party),
        Role = string.IsNullOrWhiteSpace(Role) ? null : Role.Trim(),
    };
}

/// <summary>One row of the volunteers table: the volunteer's values, and whether to remove it.</summary>
public sealed class VolunteerRow
{
    public VolunteerValues Values { get; set; } = new();
    public bool Remove { get; set; }

    public bool IsBlank => Values.Id is null
        && new[] { Values.FirstName, Values.LastName, Values.Mission, Values.FieldOfAction, Values.HostEntity }.All(string.IsNullOrWhiteSpace);

    public static VolunteerRow Of(Volunteer volunteer) => new() { Values = VolunteerValues.Of(volunteer) };
}
