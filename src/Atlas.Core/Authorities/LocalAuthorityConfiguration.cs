namespace Atlas.Core.Authorities;

internal sealed class LocalAuthorityConfiguration : IEntityTypeConfiguration<LocalAuthority>
{
    public void Configure(EntityTypeBuilder<LocalAuthority> builder)
    {
        builder.IsAtlasRecord();
        builder.IsListedByName(a => a.Name, 300);
        // The directory of one country in name order (migration 0019).
        builder.HasIndex(a => new { a.CountryCode, a.Name, a.Id });
        builder.Property(a => a.AlternateNames).HasDefaultValueSql("'{}'");
        // Kept by the triggers of migration 0020: never written by the app, read back after a save.
        var partnershipCount = builder.Property(a => a.PartnershipCount).HasDefaultValue(0).ValueGeneratedOnAddOrUpdate().Metadata;
        partnershipCount.SetBeforeSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        partnershipCount.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        // « par nombre de partenariats » walks it to the page (migration 0020).
        builder.HasIndex(a => new { a.PartnershipCount, a.Name, a.Id }).IsDescending(true, false, false);
        // Its trigram index on atlas_authority_names(name, alternate_names) is in migration 0017.
        builder.Property(a => a.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(a => a.RegionCode).HasMaxLength(3);
        builder.Property(a => a.DepartmentCode).HasMaxLength(3);
        builder.Property(a => a.InseeCode).HasMaxLength(5);
        builder.Property(a => a.Siren).HasMaxLength(9);
        builder.Property(a => a.LeaderName).HasMaxLength(200);
        builder.Property(a => a.LeaderTitle).HasMaxLength(200);
        builder.Property(a => a.Website).HasMaxLength(500);
        builder.HasOne(a => a.Country).WithMany().HasForeignKey(a => a.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Region).WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Department).WithMany().HasForeignKey(a => a.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.CountryCode);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_local_authorities_population", "population IS NULL OR population >= 0");
            t.HasCheckConstraint("ck_local_authorities_population_year", "population_year IS NULL OR population_year BETWEEN 1800 AND 2100");
            t.HasCheckConstraint("ck_local_authorities_insee_code", "insee_code IS NULL OR insee_code ~ '^[0-9][0-9AB][0-9]{3}$'");
            t.HasCheckConstraint("ck_local_authorities_siren", "siren IS NULL OR siren ~ '^[0-9]{9}$'");
            t.HasCheckConstraint("ck_local_authorities_french_places", "country_code = 'FR' OR (region_code IS NULL AND department_code IS NULL)");
            t.HasCheckConstraint("ck_local_authorities_kind", CheckConstraints.InList("kind", EnumCode<AuthorityKind>.All));
        });
    }
}
