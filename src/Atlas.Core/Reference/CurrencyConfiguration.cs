namespace Atlas.Core.Reference;

internal sealed class CurrencyConfiguration : IEntityTypeConfiguration<Currency>
{
    public void Configure(EntityTypeBuilder<Currency> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.ToTable(t => t.HasCheckConstraint("ck_currencies_code", "code ~ '^[A-Z]{3}$'"));
    }
}
