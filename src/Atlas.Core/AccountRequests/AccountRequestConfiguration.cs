namespace Atlas.Core.AccountRequests;

internal sealed class AccountRequestConfiguration : IEntityTypeConfiguration<AccountRequest>
{
    public void Configure(EntityTypeBuilder<AccountRequest> builder)
    {
        builder.ToTable("account_requests", t =>
            t.HasCheckConstraint("ck_account_requests_status", CheckConstraints.InList("status", EnumCode<AccountRequestStatus>.All)));
        builder.Property(r => r.DisplayName).HasMaxLength(AccountRequest.MaxNameLength);
        builder.Property(r => r.Email).HasMaxLength(AccountRequest.MaxEmailLength);
        builder.Property(r => r.Position).HasMaxLength(AccountRequest.MaxPositionLength);
        builder.Property(r => r.RefusalReason).HasMaxLength(AccountRequest.MaxReasonLength);
        builder.HasOne<LocalAuthority>().WithMany().HasForeignKey(r => r.LocalAuthorityId).OnDelete(DeleteBehavior.Cascade);
        // A decision outlives the accounts: the decider's name stays on the row.
        builder.NamesPerson(r => r.DeciderId, r => r.DeciderName);
        builder.HasOne<AtlasUser>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.Status, r.LocalAuthorityId });
    }
}
