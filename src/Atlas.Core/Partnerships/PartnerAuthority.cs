namespace Atlas.Core.Partnerships;

/// <summary>An authority taking part in a partnership.</summary>
public sealed record PartnerAuthority(int Id, string Name, AuthorityKind Kind, string CountryCode)
{
    public bool IsFrench => CountryCode == CountryCodes.France;
}
