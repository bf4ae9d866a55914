namespace Atlas.Core.Editing;

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> builder)
    {
        builder.ToTable("change_records", t =>
            t.HasCheckConstraint("ck_change_records_action", CheckConstraints.InList("action", EnumCode<ChangeAction>.All)));
        builder.Property(c => c.EntityType).HasMaxLength(40);
        builder.Property(c => c.EntityId).HasMaxLength(100);
        builder.Property(c => c.Changes).IsJson();
        // History outlives accounts: the names stay on the record.
        builder.NamesPerson(c => c.UserId, c => c.UserName);
        builder.NamesPerson(c => c.ApprovedById, c => c.ApprovedByName);
        builder.HasIndex(c => new { c.EntityType, c.EntityId });
        builder.HasIndex(c => c.ProjectId);
    }
}
