namespace Atlas.Core.Contacts;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.LastName).HasMaxLength(200);
        builder.HasXminVersion(c => c.Version);
        builder.Property(c => c.FirstName).HasMaxLength(200);
        builder.Property(c => c.Function).HasMaxLength(300);
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.Property(c => c.Phone).HasMaxLength(50);
        builder.HasOne(c => c.LocalAuthority).WithMany(a => a.Contacts).HasForeignKey(c => c.LocalAuthorityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.DiplomaticPost).WithMany(p => p.Contacts).HasForeignKey(c => c.DiplomaticPostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Partnership).WithMany(p => p.Contacts).HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Project).WithMany(p => p.Contacts).HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_contacts_owner",
                "num_nonnulls(local_authority_id, organisation_id, diplomatic_post_id, partnership_id, project_id) >= 1");
            t.HasCheckConstraint("ck_contacts_email", "email IS NULL OR email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'");
            t.HasCheckConstraint("ck_contacts_role", CheckConstraints.InList("role", EnumCode<ContactRole>.All));
        });
    }
}
