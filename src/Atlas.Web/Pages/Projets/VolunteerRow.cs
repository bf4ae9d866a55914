namespace Atlas.Web.Pages.Projets;

/// <summary>One row of the volunteers table: the volunteer's values, and whether to remove it.</summary>
public sealed class VolunteerRow
{
    public VolunteerValues Values { get; set; } = new();
    public bool Remove { get; set; }

    public bool IsBlank => Values.Id is null
        && new[] { Values.FirstName, Values.LastName, Values.Mission, Values.FieldOfAction, Values.HostEntity }.All(string.IsNullOrWhiteSpace);

    public static VolunteerRow Of(Volunteer volunteer) => new() { Values = VolunteerValues.Of(volunteer) };
}
