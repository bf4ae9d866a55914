using Atlas.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atlas.Core.Data.Configurations;

internal sealed class PartnershipMapping : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.Property(p => p.Key).HasMaxLength(120);
        builder.HasXminVersion(p => p.Version);
        builder.HasIndex(p => p.Key).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(300);
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

internal sealed class PartnershipAuthorityMapping : IEntityTypeConfiguration<PartnershipAuthority>
{
    public void Configure(EntityTypeBuilder<PartnershipAuthority> builder)
    {
        builder.HasKey(pa => new { pa.PartnershipId, pa.LocalAuthorityId });
        builder.HasOne(pa => pa.Partnership).WithMany(p => p.Authorities).HasForeignKey(pa => pa.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(pa => pa.LocalAuthority).WithMany(a => a.Partnerships).HasForeignKey(pa => pa.LocalAuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(pa => pa.LocalAuthorityId);
    }
}

internal sealed class PartnershipThemeMapping : IEntityTypeConfiguration<PartnershipTheme>
{
    public void Configure(EntityTypeBuilder<PartnershipTheme> builder)
    {
        builder.HasKey(pt => new { pt.PartnershipId, pt.ThemeId });
        builder.HasOne(pt => pt.Partnership).WithMany(p => p.Themes).HasForeignKey(pt => pt.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(pt => pt.Theme).WithMany().HasForeignKey(pt => pt.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(pt => pt.ThemeId);
    }
}
