namespace Atlas.Core.Projects;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.IsAtlasRecord(keyLength: 160);
        builder.HasFrenchName(p => p.Title, 500);
        builder.Property(p => p.Form).HasMaxLength(300);
        builder.Property(p => p.Beneficiaries).HasMaxLength(2000);
        builder.Property(p => p.Source).HasMaxLength(300);
        builder.Property(p => p.TotalCostAmount).HasPrecision(18, 2);
        builder.Property(p => p.TotalCostCurrency).HasMaxLength(3).IsFixedLength();
        builder.HasOne<Currency>().WithMany().HasForeignKey(p => p.TotalCostCurrency).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Partnership).WithMany(p => p.Projects).HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PartnershipId);
        builder.HasIndex(p => p.StartYear);
        builder.HasIndex(p => new { p.Title, p.Id });
        builder.HasIndex(p => p.UpdatedAt);

        builder.Property(p => p.SearchText).HasDefaultValue("");
        builder.Property(p => p.SearchVector)
            .HasComputedColumnSql("to_tsvector('atlas_words'::regconfig, atlas_unaccent(search_text))", stored: true);
        builder.Property(p => p.CountryCodes).HasDefaultValueSql("'{}'");
        builder.Property(p => p.RegionCodes).HasDefaultValueSql("'{}'");
        builder.Property(p => p.DepartmentCodes).HasDefaultValueSql("'{}'");
        builder.Property(p => p.AuthorityIds).HasDefaultValueSql("'{}'");
        builder.Property(p => p.ThemeIds).HasDefaultValueSql("'{}'");
        // Their one GIN index, with the sample bucket, is in migration 0013_expression_indexes_project_search.

        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_projects_years",
                "(first_signature_year IS NULL OR first_signature_year BETWEEN 1900 AND 2100) AND " +
                "(start_year IS NULL OR start_year BETWEEN 1900 AND 2100) AND (end_year IS NULL OR end_year BETWEEN 1900 AND 2100)");
            t.HasCheckConstraint("ck_projects_end_after_start",
                "(end_year IS NULL OR start_year IS NULL OR end_year >= start_year) AND (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)");
            t.HasCheckConstraint("ck_projects_start_date_year", "start_date IS NULL OR start_year = date_part('year', start_date)");
            t.HasCheckConstraint("ck_projects_end_date_year", "end_date IS NULL OR end_year = date_part('year', end_date)");
            t.HasCheckConstraint("ck_projects_total_cost",
                "(total_cost_amount IS NULL) = (total_cost_currency IS NULL) AND (total_cost_amount IS NULL OR total_cost_amount >= 0)");
            t.HasCheckConstraint("ck_projects_status", CheckConstraints.InList("status", EnumCode<ProjectStatus>.All));
        });
    }
}
