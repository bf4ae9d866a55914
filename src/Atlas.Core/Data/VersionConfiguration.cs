namespace Atlas.Core.Data;

internal static class VersionConfiguration
{
    /// <summary>
    /// Maps a record's version to PostgreSQL's <c>xmin</c> system column (it changes with every write of the row, so it needs
    /// no column of its own nor any migration) as an optimistic-concurrency token. Named explicitly, so the snake_case
    /// convention leaves it as it is.
    /// </summary>
    public static void HasXminVersion<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, uint>> version) where T : class =>
        builder.Property(version).IsRowVersion().HasColumnName("xmin");

    /// <summary>
    /// An <see cref="AtlasRecord"/>'s own columns: its version, and its natural key, unique and at most
    /// <paramref name="keyLength"/> characters.
    /// </summary>
    public static void IsAtlasRecord<T>(this EntityTypeBuilder<T> builder, int keyLength = 120) where T : AtlasRecord
    {
        builder.Property(r => r.Key).HasMaxLength(keyLength);
        builder.HasXminVersion(r => r.Version);
        builder.HasIndex(r => r.Key).IsUnique();
    }
}
