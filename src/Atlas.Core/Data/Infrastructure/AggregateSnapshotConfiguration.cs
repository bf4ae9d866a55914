namespace Atlas.Core.Data.Infrastructure;

internal sealed class AggregateSnapshotConfiguration : IEntityTypeConfiguration<AggregateSnapshot>
{
    public void Configure(EntityTypeBuilder<AggregateSnapshot> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Payload).HasColumnType("jsonb");
    }
}
