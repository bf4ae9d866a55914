namespace Atlas.Web.Api.Authorities;

/// <summary>Who leads an authority.</summary>
/// <param name="Name">Name of the mayor, president…</param>
/// <param name="Title">Their title (Maire de…, Président du conseil régional…).</param>
public sealed record LeaderDto(string? Name, string? Title);
