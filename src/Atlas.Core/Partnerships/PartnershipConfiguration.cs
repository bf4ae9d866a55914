namespace Atlas.Core.Partnerships;

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.IsAtlasRecord();
        builder.IsListedByName(p => p.Title, 300);
        // The directory's « mis à jour » order (migration 0019).
        builder.HasIndex(p => p.UpdatedAt);
        builder.Property(p => p.LegalFrame).HasMaxLength(500);
        builder.Property(p => p.Domains).HasMaxLength(1000);
        builder.Property(p => p.Source).HasMaxLength(300);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_partnerships_signed_year", "signed_year IS NULL OR signed_year BETWEEN 1900 AND 2100");
            t.HasCheckConstraint("ck_partnerships_signed_on", "signed_on IS NULL OR signed_year = date_part('year', signed_on)");
            t.HasCheckConstraint("ck_partnerships_status", CheckConstraints.InList("status", EnumCode<PartnershipStatus>.All));
        });
    }
}
