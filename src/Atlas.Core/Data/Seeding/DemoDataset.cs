namespace Atlas.Core.Data.Seeding;

// The shape of the demo data files (Data/Demo/*.json), described in Data/Demo/README.md.

internal sealed record DemoFile(List<AuthorityRecord>? Authorities, List<OrganisationRecord>? Organisations, List<PartnershipRecord>? Partnerships);

internal sealed record AuthorityRecord(
    string Key, string? Name, string? Kind, string? Country, string? Department, string? Region, string? InseeCode,
    int? Population, int? PopulationYear, string? LeaderName, string? LeaderTitle, string? Website);

internal sealed record OrganisationRecord(string Key, string Name, string? Kind, string? Country, string? City, string? Website);

internal sealed record PartnershipRecord(
    string Key, string Title, List<string> Authorities, string? LegalFrame, DateOnly? SignedOn, int? SignedYear, string? Status,
    string? History, string? Domains, string? Source, List<ContactRecord>? Contacts, List<ProjectRecord>? Projects);

internal sealed record ProjectRecord(
    string Key, string Title, string? Status, int? FirstSignatureYear, int? StartYear, DateOnly? StartDate, int? EndYear, DateOnly? EndDate,
    string? Context, string? History, string? Objectives, string? Description, string? Form, string? Beneficiaries,
    string? MainTheme, List<ThemePriorityRecord>? OtherThemes, List<ParticipantRecord>? Participants, MoneyRecord? TotalCost,
    List<FundingRecord>? Fundings, bool? IsTriennial, bool? CommunicationInFrance, bool? CommunicationInPartnerCountry, bool? EvaluationPolicy,
    List<ContactRecord>? Contacts, List<VolunteerRecord>? Volunteers);

internal sealed record ThemePriorityRecord(string Theme, int? Priority);

internal sealed record ParticipantRecord(string Role, string? Authority, string? Organisation);

internal sealed record MoneyRecord(decimal Amount, string Currency);

internal sealed record FundingRecord(
    string? FunderAuthority, string? FunderOrganisation, decimal Amount, string Currency, decimal? WaterLawAmount, int? Year, string? Note);

internal sealed record ContactRecord(
    string? Authority, string? Organisation, string? LastName, string? FirstName, string? Function, string? Email, string? Phone, string? Role);

internal sealed record VolunteerRecord(string? LastName, string? FirstName, string? Mission, string? FieldOfAction, string? HostEntity);

internal sealed record ThemeRecord(string Key, string Name, List<ThemeRecord>? Children);

internal sealed record PostRecord(string Key, string Name, string? City, List<string> Countries, List<ContactRecord>? Contacts);
