namespace Atlas.Core.Data.Seeding;

/// <summary>A demo project's participant: an authority or an organisation (by key) in a role.</summary>
internal sealed record DemoParticipant(string Role, string? Authority, string? Organisation);
