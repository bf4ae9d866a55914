namespace Atlas.Core.Data.Seeding;

/// <summary>One of a demo project's other themes (by key), with its priority.</summary>
internal sealed record DemoThemePriority(string Theme, int? Priority);
