namespace Atlas.Core.Partnerships;

internal sealed class PartnershipSearchEntryConfiguration : IEntityTypeConfiguration<PartnershipSearchEntry>
{
    public void Configure(EntityTypeBuilder<PartnershipSearchEntry> builder)
    {
        builder.ToTable("partnership_search");
        builder.HasKey(e => e.PartnershipId);
        builder.Property(e => e.PartnershipId).ValueGeneratedNever();
        builder.Property(e => e.Title).HasMaxLength(300).UseCollation(FrenchOrder.Collation);
        builder.HasIndex(e => new { e.Title, e.PartnershipId });
        builder.HasOne<Partnership>().WithOne().HasForeignKey<PartnershipSearchEntry>(e => e.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        // Its indexes (the sample bucket, the name's trigrams, the filters' arrays, none of which EF declares) and the function
        // that writes it are in migration 0025.
    }
}
