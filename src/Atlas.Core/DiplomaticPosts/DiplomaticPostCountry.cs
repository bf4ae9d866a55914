namespace Atlas.Core.DiplomaticPosts;

public sealed class DiplomaticPostCountry
{
    public int DiplomaticPostId { get; set; }
    public DiplomaticPost? DiplomaticPost { get; set; }
    public required string CountryCode { get; set; }
    public Country? Country { get; set; }
}
