namespace Atlas.Core.Contacts;

/// <summary>
/// A record whose submitted values carry its contact lines: every line it keeps, a line with an id changes that contact, one
/// without is added, one left out is removed; null leaves the contacts as they are (an API body that does not carry them).
/// </summary>
public interface IHasContactLines
{
    List<ContactValues>? Contacts { get; }
}
