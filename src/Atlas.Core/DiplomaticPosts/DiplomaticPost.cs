namespace Atlas.Core.DiplomaticPosts;

/// <summary>A French embassy (poste diplomatique) covering one or more countries.</summary>
public sealed class DiplomaticPost : AtlasRecord
{
    public required string Name { get; set; }
    public string? City { get; set; }
    public List<DiplomaticPostCountry> Countries { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
}
