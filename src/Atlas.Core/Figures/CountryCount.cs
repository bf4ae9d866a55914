namespace Atlas.Core.Figures;

public sealed record CountryCount(string Code, string Name, int Projects, int Partnerships);
