using Atlas.Core.Contacts;
using Atlas.Core.Data;

namespace Atlas.Core.DiplomaticPosts;

/// <summary>A French embassy (poste diplomatique) covering one or more countries.</summary>
public sealed class DiplomaticPost : ISoftDeletable
{
    public DateTimeOffset? DeletedAt { get; set; }
    public int Id { get; set; }
    public string? Key { get; set; }
    public required string Name { get; set; }
    public string? City { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The row's version (PostgreSQL xmin) for optimistic concurrency: a save made from an older one is refused.</summary>
    public uint Version { get; set; }
    public List<DiplomaticPostCountry> Countries { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
}
