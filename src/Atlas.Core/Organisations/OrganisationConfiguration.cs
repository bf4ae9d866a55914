namespace Atlas.Core.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.IsAtlasRecord();
        builder.IsListedByName(o => o.Name, 300);
        builder.Property(o => o.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(o => o.City).HasMaxLength(200);
        builder.Property(o => o.Website).HasMaxLength(500);
        builder.HasOne(o => o.Country).WithMany().HasForeignKey(o => o.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_organisations_kind", CheckConstraints.InList("kind", EnumCode<OrganisationKind>.All)));
    }
}
