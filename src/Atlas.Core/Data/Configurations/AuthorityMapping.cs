using Atlas.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atlas.Core.Data.Configurations;

internal sealed class LocalAuthorityMapping : IEntityTypeConfiguration<LocalAuthority>
{
    public void Configure(EntityTypeBuilder<LocalAuthority> builder)
    {
        builder.Property(a => a.Key).HasMaxLength(120);
        builder.HasXminVersion(a => a.Version);
        builder.HasIndex(a => a.Key).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(a => a.RegionCode).HasMaxLength(3);
        builder.Property(a => a.DepartmentCode).HasMaxLength(3);
        builder.Property(a => a.InseeCode).HasMaxLength(5);
        builder.Property(a => a.Siren).HasMaxLength(9);
        builder.Property(a => a.LeaderName).HasMaxLength(200);
        builder.Property(a => a.LeaderTitle).HasMaxLength(200);
        builder.Property(a => a.Website).HasMaxLength(500);
        builder.HasOne(a => a.Country).WithMany().HasForeignKey(a => a.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Region).WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Department).WithMany().HasForeignKey(a => a.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.CountryCode);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_local_authorities_population", "population IS NULL OR population >= 0");
            t.HasCheckConstraint("ck_local_authorities_population_year", "population_year IS NULL OR population_year BETWEEN 1800 AND 2100");
            t.HasCheckConstraint("ck_local_authorities_insee_code", "insee_code IS NULL OR insee_code ~ '^[0-9][0-9AB][0-9]{3}$'");
            t.HasCheckConstraint("ck_local_authorities_siren", "siren IS NULL OR siren ~ '^[0-9]{9}$'");
            t.HasCheckConstraint("ck_local_authorities_french_places", "country_code = 'FR' OR (region_code IS NULL AND department_code IS NULL)");
            t.HasCheckConstraint("ck_local_authorities_kind", CheckConstraints.InList("kind", EnumCode<AuthorityKind>.All));
        });
    }
}

internal sealed class OrganisationMapping : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Key).HasMaxLength(120);
        builder.HasXminVersion(o => o.Version);
        builder.HasIndex(o => o.Key).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(300);
        builder.Property(o => o.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(o => o.City).HasMaxLength(200);
        builder.Property(o => o.Website).HasMaxLength(500);
        builder.HasOne(o => o.Country).WithMany().HasForeignKey(o => o.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_organisations_kind", CheckConstraints.InList("kind", EnumCode<OrganisationKind>.All)));
    }
}

internal sealed class DiplomaticPostMapping : IEntityTypeConfiguration<DiplomaticPost>
{
    public void Configure(EntityTypeBuilder<DiplomaticPost> builder)
    {
        builder.Property(p => p.Key).HasMaxLength(120);
        builder.HasXminVersion(p => p.Version);
        builder.HasIndex(p => p.Key).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(300);
        builder.Property(p => p.City).HasMaxLength(200);
    }
}

internal sealed class DiplomaticPostCountryMapping : IEntityTypeConfiguration<DiplomaticPostCountry>
{
    public void Configure(EntityTypeBuilder<DiplomaticPostCountry> builder)
    {
        builder.HasKey(pc => new { pc.DiplomaticPostId, pc.CountryCode });
        builder.Property(pc => pc.CountryCode).HasMaxLength(2).IsFixedLength();
        // A country is followed by one post only.
        builder.HasIndex(pc => pc.CountryCode).IsUnique();
        // The name EF cut to PostgreSQL's 63 characters when the table was made (EFCore.NamingConventions cuts it otherwise).
        builder.HasOne(pc => pc.DiplomaticPost).WithMany(p => p.Countries).HasForeignKey(pc => pc.DiplomaticPostId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_diplomatic_post_countries_diplomatic_posts_diplomatic_post_~");
        builder.HasOne(pc => pc.Country).WithMany().HasForeignKey(pc => pc.CountryCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContactMapping : IEntityTypeConfiguration<Contact>
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
