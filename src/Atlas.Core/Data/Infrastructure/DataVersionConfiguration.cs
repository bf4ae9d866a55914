namespace Atlas.Core.Data.Infrastructure;

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.ToTable(t => t.HasCheckConstraint("ck_data_versions_singleton", $"id = {DataVersion.SingletonId}"));
    }
}
