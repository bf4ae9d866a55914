namespace Atlas.Core.Partnerships;

internal sealed class PartnershipThemeConfiguration : IEntityTypeConfiguration<PartnershipTheme>
{
    public void Configure(EntityTypeBuilder<PartnershipTheme> builder)
    {
        builder.HasKey(pt => new { pt.PartnershipId, pt.ThemeId });
        builder.HasOne(pt => pt.Partnership).WithMany(p => p.Themes).HasForeignKey(pt => pt.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(pt => pt.Theme).WithMany().HasForeignKey(pt => pt.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(pt => pt.ThemeId);
        builder.Property(pt => pt.SourceLabel).HasMaxLength(ThemeSourceLabel.MaxLength);
    }
}
