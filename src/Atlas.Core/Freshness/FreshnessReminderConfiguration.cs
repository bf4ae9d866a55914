namespace Atlas.Core.Freshness;

internal sealed class FreshnessReminderConfiguration : IEntityTypeConfiguration<FreshnessReminder>
{
    public void Configure(EntityTypeBuilder<FreshnessReminder> builder) => builder.HasKey(r => r.Month);
}
