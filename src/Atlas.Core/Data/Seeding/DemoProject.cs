namespace Atlas.Core.Data.Seeding;

/// <summary>A project of the demo data files, inside its partnership or on its own; its source is its partnership's unless it names one.</summary>
internal sealed record DemoProject(
    string Key, string Title, string? Status, int? FirstSignatureYear, int? StartYear, DateOnly? StartDate, int? EndYear, DateOnly? EndDate,
    string? Context, string? History, string? Objectives, string? Description, string? Form, string? Beneficiaries,
    string? MainTheme, List<DemoThemePriority>? OtherThemes, List<DemoParticipant>? Participants, DemoMoney? TotalCost,
    List<DemoFunding>? Fundings, bool? IsTriennial, bool? CommunicationInFrance, bool? CommunicationInPartnerCountry, bool? EvaluationPolicy,
    List<DemoContact>? Contacts, List<DemoVolunteer>? Volunteers, string? Source = null);
