namespace Atlas.Web.Pages.Shared;

/// <summary>
/// Where a record comes from and when an editor last changed it, for the foot of its page (_RecordProvenance).
/// </summary>
/// <param name="Source">The source as stored ("Répertoire CUF/PAD Maroc, juillet 2008"); null when none is known.</param>
/// <param name="LastEditedAt">The last edit in its history; null when it has none, so that the time of a load is never shown as an update.</param>
public sealed record RecordProvenance(string? Source, DateTimeOffset? LastEditedAt);
