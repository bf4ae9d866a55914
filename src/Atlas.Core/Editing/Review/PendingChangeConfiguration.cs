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
        builder.Property(c => c.Comment).HasMaxLength(PendingChange.MaxCommentLength);
        builder.Property(c => c.Values).IsJson();
        builder.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        // What was submitted and reviewed outlives the accounts: the names stay on the row.
        builder.NamesPerson(c => c.SubmittedById, c => c.SubmittedByName);
        builder.NamesPerson(c => c.ReviewerId, c => c.ReviewerName);
        builder.HasIndex(c => new { c.Status, c.ProjectId });
    }
}
