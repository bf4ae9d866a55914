namespace Atlas.Core.Data.Infrastructure;

internal sealed class SyntheticDatasetConfiguration : IEntityTypeConfiguration<SyntheticDataset>
{
    public void Configure(EntityTypeBuilder<SyntheticDataset> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.ToTable(t => t.HasCheckConstraint("ck_synthetic_datasets_singleton", $"id = {SyntheticDataset.SingletonId}"));
    }
}
