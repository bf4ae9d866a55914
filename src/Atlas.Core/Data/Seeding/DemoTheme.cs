namespace Atlas.Core.Data.Seeding;

/// <summary>A theme of the demo theme tree (themes.json), with its sub-themes.</summary>
internal sealed record DemoTheme(string Key, string Name, List<DemoTheme>? Children);
