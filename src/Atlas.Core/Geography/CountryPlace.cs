namespace Atlas.Core.Geography;

/// <summary>A partner country: the projects a filter matches there, and all its partnerships (partnerships have no such filter).</summary>
public sealed record CountryPlace(string Code, string Name, int Projects, int Partnerships);
