namespace Atlas.Core.Export.Iati;

internal sealed record IatiOrg(string Role, string Type, string Name);
