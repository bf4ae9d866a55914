namespace Atlas.Core.Data.Infrastructure;

internal sealed class ApiRateWindowConfiguration : IEntityTypeConfiguration<ApiRateWindow>
{
    public void Configure(EntityTypeBuilder<ApiRateWindow> builder)
    {
        builder.HasKey(w => new { w.Client, w.WindowStart });
        builder.Property(w => w.Client).HasMaxLength(64);
        // Counters are worth nothing after a crash: no WAL for them.
        builder.IsUnlogged();
    }
}
