namespace Atlas.Core.Fundings;

internal sealed class FundingConfiguration : IEntityTypeConfiguration<Funding>
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
