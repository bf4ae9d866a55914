namespace Atlas.Core.Editing.Deletion;

/// <summary>The kinds of record an editor deletes, and an administrator restores, one at a time.</summary>
public enum RecordKind
{
    Project,
    Partnership,
    Authority,
    Organisation,
    DiplomaticPost,
    /// <summary>A project's funding line, removed from the project's form.</summary>
    Funding,
    /// <summary>A contact, removed from its record's form.</summary>
    Contact,
    Volunteer,
    Participant,
}
