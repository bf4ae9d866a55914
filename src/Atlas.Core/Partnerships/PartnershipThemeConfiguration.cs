namespace Atlas.Core.Partnerships;

internal sealed class PartnershipThemeConfiguration : IEntityTypeConfiguration<PartnershipTheme>
{
    public void Configure(EntityTypeBuilder<PartnershipTheme> builder)
    {
        builder.IsThemeLink(pt => new { pt.PartnershipId, pt.ThemeId });
        builder.HasOne(pt => pt.Partnership).WithMany(p => p.Themes).HasForeignKey(pt => pt.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
