namespace Atlas.Core.Geography;

/// <summary>The number of projects of one place: a partner country (ISO alpha-2), a French region or département (INSEE).</summary>
public sealed record PlaceCount(string Code, string Name, int Projects);
