namespace Atlas.Core.Partnerships;

internal sealed class PartnershipAuthorityConfiguration : IEntityTypeConfiguration<PartnershipAuthority>
{
    public void Configure(EntityTypeBuilder<PartnershipAuthority> builder)
    {
        builder.HasKey(pa => new { pa.PartnershipId, pa.LocalAuthorityId });
        builder.HasOne(pa => pa.Partnership).WithMany(p => p.Authorities).HasForeignKey(pa => pa.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(pa => pa.LocalAuthority).WithMany(a => a.Partnerships).HasForeignKey(pa => pa.LocalAuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(pa => pa.LocalAuthorityId);
    }
}
