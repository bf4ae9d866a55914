namespace Atlas.Web.Api.Projects;

/// <summary>A change accepted for review rather than applied.</summary>
/// <param name="PendingChangeId">The pending change, as listed on the portal's review pages.</param>
/// <param name="Status">pending.</param>
/// <param name="Detail">What happens next.</param>
public sealed record PendingChangeDto(long PendingChangeId, string Status, string Detail);
