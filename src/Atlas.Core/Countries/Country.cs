namespace Atlas.Core.Countries;

/// <summary>An ISO 3166-1 country, named in French.</summary>
public sealed class Country
{
    public required string Code { get; set; }
    public required string Code3 { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
}
