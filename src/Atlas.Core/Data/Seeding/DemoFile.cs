namespace Atlas.Core.Data.Seeding;

/// <summary>The shape of the demo data files (Data/Demo/*.json), described in Data/Demo/README.md: authorities, organisations and partnerships.</summary>
internal sealed record DemoFile(List<DemoAuthority>? Authorities, List<DemoOrganisation>? Organisations, List<DemoPartnership>? Partnerships);
