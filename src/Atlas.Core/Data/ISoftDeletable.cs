namespace Atlas.Core.Data;

/// <summary>
/// A record that is never erased by an editor: deleting it sets <see cref="DeletedAt"/>, which hides it from every query (an EF
/// query filter), and an administrator can restore it with everything it held.
/// </summary>
public interface ISoftDeletable
{
    /// <summary>When it was deleted; null while it is part of the atlas.</summary>
    DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The row's version (PostgreSQL xmin): a deletion or restoration made from an older one is refused.</summary>
    uint Version { get; }
}
