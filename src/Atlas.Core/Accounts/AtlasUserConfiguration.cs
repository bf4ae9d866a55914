namespace Atlas.Core.Accounts;

internal sealed class AtlasUserConfiguration : IEntityTypeConfiguration<AtlasUser>
{
    public void Configure(EntityTypeBuilder<AtlasUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        // Identity names its indexes itself (EmailIndex…): in snake_case as every other name.
        builder.HasIndex(u => u.NormalizedEmail).HasDatabaseName("email_index");
        builder.HasIndex(u => u.NormalizedUserName).HasDatabaseName("user_name_index");
        builder.HasOne<DiplomaticPost>().WithMany().HasForeignKey(u => u.DiplomaticPostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LocalAuthority>().WithMany().HasForeignKey(u => u.LocalAuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable("users", t =>
        {
            t.HasCheckConstraint("ck_users_role", CheckConstraints.InList("role", EnumCode<EditorRole>.All));
            // A scope matches the role: a correspondent has a post, an authority editor an authority, an administrator neither.
            t.HasCheckConstraint("ck_users_scope",
                "(role = 'administrator' AND diplomatic_post_id IS NULL AND local_authority_id IS NULL) OR " +
                "(role = 'correspondent' AND diplomatic_post_id IS NOT NULL AND local_authority_id IS NULL) OR " +
                "(role = 'authority-editor' AND local_authority_id IS NOT NULL AND diplomatic_post_id IS NULL)");
        });
    }
}
