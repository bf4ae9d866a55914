namespace Atlas.Core.Editing.Review;

internal sealed class PendingChangeConfiguration : IEntityTypeConfiguration<PendingChange>
{
    public void Configure(EntityTypeBuilder<PendingChange> builder)
    {
        builder.ToTable("pending_changes", t =>
        {
            t.HasCheckConstraint("ck_pending_changes_status", CheckConstraints.InList("status", EnumCode<PendingChangeStatus>.All));
            t.HasCheckConstraint("ck_pending_changes_kind", CheckConstraints.InList("kind", EnumCode<PendingChangeKind>.All));
            // A change is of a published project; a new project is declared in a partnership; a new partnership is in no record yet.
            t.HasCheckConstraint("ck_pending_changes_values", "CASE kind " +
                "WHEN 'project-change' THEN project_id IS NOT NULL AND values IS NOT NULL AND partnership_values IS NULL " +
                "WHEN 'new-project' THEN partnership_id IS NOT NULL AND values IS NOT NULL AND partnership_values IS NULL " +
                "ELSE values IS NULL AND partnership_values IS NOT NULL AND project_id IS NULL END");
        });
        builder.Property(c => c.Comment).HasMaxLength(PendingChange.MaxCommentLength);
        builder.Property(c => c.Values).IsJson();
        builder.Property(c => c.PartnershipValues).IsJson();
        builder.Property(c => c.AuthorityIds).HasDefaultValueSql("'{}'");
        builder.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        // What was submitted and reviewed outlives the accounts: the names stay on the row.
        builder.NamesPerson(c => c.SubmittedById, c => c.SubmittedByName);
        builder.NamesPerson(c => c.ReviewerId, c => c.ReviewerName);
        builder.HasIndex(c => new { c.Status, c.ProjectId });
    }
}
