namespace Atlas.Core.Editing.Deletion;

public static class RecordKinds
{
    /// <summary>The records deleted on their own (the others go with their record's form).</summary>
    public static readonly IReadOnlyList<RecordKind> Deletable =
        [RecordKind.Project, RecordKind.Partnership, RecordKind.Authority, RecordKind.Organisation, RecordKind.DiplomaticPost];

    /// <summary>"un projet", "une collectivité"…, for the pages.</summary>
    public static string Label(RecordKind kind) => kind switch
    {
        RecordKind.Project => "projet",
        RecordKind.Partnership => "partenariat",
        RecordKind.Authority => "collectivité",
        RecordKind.Organisation => "organisation",
        RecordKind.DiplomaticPost => "poste diplomatique",
        RecordKind.Funding => "ligne de financement",
        RecordKind.Contact => "contact",
        RecordKind.Volunteer => "volontaire",
        RecordKind.Participant => "participant",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The table of a kind, for the row lock a deletion takes first.</summary>
    internal static string Table(RecordKind kind) => kind switch
    {
        RecordKind.Project => "projects",
        RecordKind.Partnership => "partnerships",
        RecordKind.Authority => "local_authorities",
        RecordKind.Organisation => "organisations",
        RecordKind.DiplomaticPost => "diplomatic_posts",
        RecordKind.Funding => "fundings",
        RecordKind.Contact => "contacts",
        RecordKind.Volunteer => "volunteers",
        RecordKind.Participant => "project_participants",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind's name in the history (<see cref="RecordedTypes"/>).</summary>
    public static string HistoryName(RecordKind kind) => kind switch
    {
        RecordKind.Project => RecordedTypes.NameOf<Project>(),
        RecordKind.Partnership => RecordedTypes.NameOf<Partnership>(),
        RecordKind.Authority => RecordedTypes.NameOf<LocalAuthority>(),
        RecordKind.Organisation => RecordedTypes.NameOf<Organisation>(),
        RecordKind.DiplomaticPost => RecordedTypes.NameOf<DiplomaticPost>(),
        RecordKind.Funding => RecordedTypes.NameOf<Funding>(),
        RecordKind.Contact => RecordedTypes.NameOf<Contact>(),
        RecordKind.Volunteer => RecordedTypes.NameOf<Volunteer>(),
        RecordKind.Participant => RecordedTypes.NameOf<ProjectParticipant>(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
