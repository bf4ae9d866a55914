using Microsoft.AspNetCore.Identity;

namespace Atlas.Core.Accounts;

/// <summary>Identity's other tables, under plain names.</summary>
internal sealed class IdentityTablesConfiguration :
    IEntityTypeConfiguration<IdentityRole<int>>, IEntityTypeConfiguration<IdentityUserClaim<int>>, IEntityTypeConfiguration<IdentityUserLogin<int>>,
    IEntityTypeConfiguration<IdentityUserRole<int>>, IEntityTypeConfiguration<IdentityUserToken<int>>, IEntityTypeConfiguration<IdentityRoleClaim<int>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<int>> builder)
    {
        builder.ToTable("roles");
        builder.HasIndex(r => r.NormalizedName).HasDatabaseName("role_name_index");
    }

    public void Configure(EntityTypeBuilder<IdentityUserClaim<int>> builder) => builder.ToTable("user_claims");
    public void Configure(EntityTypeBuilder<IdentityUserLogin<int>> builder) => builder.ToTable("user_logins");
    public void Configure(EntityTypeBuilder<IdentityUserRole<int>> builder) => builder.ToTable("user_roles");
    public void Configure(EntityTypeBuilder<IdentityUserToken<int>> builder) => builder.ToTable("user_tokens");
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<int>> builder) => builder.ToTable("role_claims");
}
