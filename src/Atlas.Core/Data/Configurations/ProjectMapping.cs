using Atlas.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atlas.Core.Data.Configurations;

internal sealed class ProjectMapping : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(p => p.Key).HasMaxLength(160);
        builder.HasXminVersion(p => p.Version);
        builder.HasIndex(p => p.Key).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(500);
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
            .HasComputedColumnSql("to_tsvector('french'::regconfig, atlas_unaccent(search_text))", stored: true);
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

internal sealed class ProjectThemeMapping : IEntityTypeConfiguration<ProjectTheme>
{
    public void Configure(EntityTypeBuilder<ProjectTheme> builder)
    {
        builder.HasKey(pt => new { pt.ProjectId, pt.ThemeId });
        builder.HasOne(pt => pt.Project).WithMany(p => p.Themes).HasForeignKey(pt => pt.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(pt => pt.Theme).WithMany().HasForeignKey(pt => pt.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(pt => pt.ThemeId);
        // One main theme path per project.
        builder.HasIndex(pt => pt.ProjectId).IsUnique().HasFilter("is_main").HasDatabaseName("ix_project_themes_one_main");
        builder.ToTable(t => t.HasCheckConstraint("ck_project_themes_priority", "priority IS NULL OR priority BETWEEN 1 AND 99"));
    }
}

internal sealed class ProjectParticipantMapping : IEntityTypeConfiguration<ProjectParticipant>
{
    public void Configure(EntityTypeBuilder<ProjectParticipant> builder)
    {
        builder.HasXminVersion(pp => pp.Version);
        builder.HasOne(pp => pp.Project).WithMany(p => p.Participants).HasForeignKey(pp => pp.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(pp => pp.LocalAuthority).WithMany().HasForeignKey(pp => pp.LocalAuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(pp => pp.Organisation).WithMany().HasForeignKey(pp => pp.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(pp => pp.LocalAuthorityId);
        builder.HasIndex(pp => pp.OrganisationId);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_project_participants_one_party", "num_nonnulls(local_authority_id, organisation_id) = 1");
            t.HasCheckConstraint("ck_project_participants_role", CheckConstraints.InList("role", EnumCode<ParticipantRole>.All));
        });
    }
}

internal sealed class FundingMapping : IEntityTypeConfiguration<Funding>
{
    public void Configure(EntityTypeBuilder<Funding> builder)
    {
        builder.HasXminVersion(f => f.Version);
        builder.Property(f => f.Amount).HasPrecision(18, 2);
        builder.Property(f => f.WaterLawAmount).HasPrecision(18, 2);
        builder.Property(f => f.CurrencyCode).HasMaxLength(3).IsFixedLength();
        builder.Property(f => f.Note).HasMaxLength(500);
        builder.HasOne<Currency>().WithMany().HasForeignKey(f => f.CurrencyCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Project).WithMany(p => p.Fundings).HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.FunderAuthority).WithMany().HasForeignKey(f => f.FunderAuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.FunderOrganisation).WithMany().HasForeignKey(f => f.FunderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.ProjectId);
        builder.HasIndex(f => f.FunderAuthorityId);
        builder.HasIndex(f => f.FunderOrganisationId);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_fundings_one_funder", "num_nonnulls(funder_authority_id, funder_organisation_id) = 1");
            t.HasCheckConstraint("ck_fundings_amount", "amount >= 0");
            t.HasCheckConstraint("ck_fundings_water_law_amount", "water_law_amount IS NULL OR water_law_amount >= 0");
            t.HasCheckConstraint("ck_fundings_year", "year IS NULL OR year BETWEEN 1900 AND 2100");
        });
    }
}

internal sealed class VolunteerMapping : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> builder)
    {
        builder.HasXminVersion(v => v.Version);
        builder.Property(v => v.LastName).HasMaxLength(200);
        builder.Property(v => v.FirstName).HasMaxLength(200);
        builder.Property(v => v.Mission).HasMaxLength(500);
        builder.Property(v => v.FieldOfAction).HasMaxLength(300);
        builder.Property(v => v.HostEntity).HasMaxLength(300);
        builder.HasOne(v => v.Project).WithMany(p => p.Volunteers).HasForeignKey(v => v.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
