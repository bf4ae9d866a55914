namespace Atlas.Core.Reference;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.IsInseePlace(r => r.Code, r => r.Name);
    }
}
