namespace Atlas.Core.Authorities;

/// <summary>An authority whose name resembles what was typed; <see cref="Similarity"/> from 0 to 1.</summary>
public sealed record AuthoritySuggestion(int Id, string Name, string CountryCode, double Similarity);
