namespace Atlas.Core.Reference;

/// <summary>What regions and départements share as INSEE places: their code is their key, their name sorts the French way.</summary>
internal static class InseePlaceConfiguration
{
    /// <summary>Keyed by the INSEE code (at most 3 characters: 93, 2A, 974), named in at most 100.</summary>
    public static void IsInseePlace<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, string>> code, Expression<Func<T, string>> name)
        where T : class
    {
        builder.HasKey(builder.Property(code).HasMaxLength(3).Metadata.Name);
        builder.HasFrenchName(name, 100);
    }
}
