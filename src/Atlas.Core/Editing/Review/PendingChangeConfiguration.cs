namespace Atlas.Core.Editing.Review;

internal sealed class PendingChangeConfiguration : IEntityTypeConfiguration<PendingChange>
{
    public void Configure(EntityTypeBuilder<PendingChange> builder)
    {
        builder.ToTable("pending_changes", t =>
        {
            t.HasCheckConstraint("ck_pending_changes_status", CheckConstraints.InList("status", EnumCode<PendingChangeStatus>.All));
            // A change is of a published project, or a new project declared in a partnership.
            t.HasCheckConstraint("ck_pending_changes_project_or_partnership", "project_id IS NOT NULL OR partnership_id IS NOT NULL");
        });
        builder.Property(c => c.SubmittedByName).HasMaxLength(200);
        builder.Property(c => c.ReviewerName).HasMaxLength(200);
        builder.Property(c => c.Comment).HasMaxLength(PendingChange.MaxCommentLength);
        builder.Property(c => c.Status).HasConversion<EnumCodeConverter<PendingChangeStatus>>().HasMaxLength(20);
        builder.Property(c => c.Values).HasColumnType("jsonb").HasConversion(
            values => JsonSerializer.Serialize(values, ChangeRecorder.Json),
            json => JsonSerializer.Deserialize<ProjectValues>(json, ChangeRecorder.Json) ?? new ProjectValues(),
            new ValueComparer<ProjectValues>(
                (a, b) => JsonSerializer.Serialize(a, ChangeRecorder.Json) == JsonSerializer.Serialize(b, ChangeRecorder.Json),
                v => JsonSerializer.Serialize(v, ChangeRecorder.Json).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<ProjectValues>(JsonSerializer.Serialize(v, ChangeRecorder.Json), ChangeRecorder.Json)!));
        builder.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        // What was submitted and reviewed outlives the accounts: the names stay on the row.
        builder.HasOne<AtlasUser>().WithMany().HasForeignKey(c => c.SubmittedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AtlasUser>().WithMany().HasForeignKey(c => c.ReviewerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.Status, c.ProjectId });
    }
}
