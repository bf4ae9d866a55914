namespace Atlas.Core.Countries;

internal sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(2).IsFixedLength();
        builder.Property(c => c.Code3).HasMaxLength(3).IsFixedLength();
        builder.HasFrenchName(c => c.Name, 100);
        builder.Property(c => c.NameEn).HasMaxLength(100);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_countries_code", "code ~ '^[A-Z]{2}$'");
            t.HasCheckConstraint("ck_countries_code3", "code3 ~ '^[A-Z]{3}$'");
        });
    }
}
