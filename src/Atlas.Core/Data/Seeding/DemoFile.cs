namespace Atlas.Core.Data.Seeding;

/// <summary>
/// The shape of the demo data files (Data/Demo/*.json), described in Data/Demo/README.md: authorities, organisations,
/// partnerships with their projects, and projects that belong to no partnership (an action led by associations).
/// </summary>
internal sealed record DemoFile(
    List<DemoAuthority>? Authorities, List<DemoOrganisation>? Organisations, List<DemoPartnership>? Partnerships, List<DemoProject>? Projects = null);
