namespace Atlas.Core.DiplomaticPosts;

internal sealed class DiplomaticPostConfiguration : IEntityTypeConfiguration<DiplomaticPost>
{
    public void Configure(EntityTypeBuilder<DiplomaticPost> builder)
    {
        builder.IsAtlasRecord();
        builder.Property(p => p.Name).HasMaxLength(300).UseCollation(FrenchOrder.Collation);
        builder.Property(p => p.City).HasMaxLength(200);
    }
}
