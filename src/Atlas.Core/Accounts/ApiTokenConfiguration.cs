namespace Atlas.Core.Accounts;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("api_tokens");
        builder.Property(t => t.Name).HasMaxLength(ApiToken.MaxNameLength);
        builder.Property(t => t.Prefix).HasMaxLength(ApiTokenStore.PrefixLength);
        builder.HasIndex(t => t.SecretHash).IsUnique();
        // A token goes with its account.
        builder.HasOne<AtlasUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_api_tokens_users_user_id"); // named after the table, not Identity's default AspNetUsers
    }
}
