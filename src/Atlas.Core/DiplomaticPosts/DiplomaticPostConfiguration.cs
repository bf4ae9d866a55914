namespace Atlas.Core.DiplomaticPosts;

internal sealed class DiplomaticPostConfiguration : IEntityTypeConfiguration<DiplomaticPost>
{
    public void Configure(EntityTypeBuilder<DiplomaticPost> builder)
    {
        builder.IsAtlasRecord();
        builder.HasFrenchName(p => p.Name, 300);
        builder.Property(p => p.City).HasMaxLength(200);
    }
}
