using Atlas.Core.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atlas.Core.Data.Configurations;

internal sealed class DataVersionMapping : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.ToTable(t => t.HasCheckConstraint("ck_data_versions_singleton", $"id = {DataVersion.SingletonId}"));
    }
}

internal sealed class ApiRateWindowMapping : IEntityTypeConfiguration<ApiRateWindow>
{
    public void Configure(EntityTypeBuilder<ApiRateWindow> builder)
    {
        builder.HasKey(w => new { w.Client, w.WindowStart });
        builder.Property(w => w.Client).HasMaxLength(64);
        // Counters are worth nothing after a crash: no WAL for them.
        builder.IsUnlogged();
    }
}

internal sealed class AggregateSnapshotMapping : IEntityTypeConfiguration<AggregateSnapshot>
{
    public void Configure(EntityTypeBuilder<AggregateSnapshot> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Payload).HasColumnType("jsonb");
    }
}

internal sealed class SyntheticDatasetMapping : IEntityTypeConfiguration<SyntheticDataset>
{
    public void Configure(EntityTypeBuilder<SyntheticDataset> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.ToTable(t => t.HasCheckConstraint("ck_synthetic_datasets_singleton", $"id = {SyntheticDataset.SingletonId}"));
    }
}
