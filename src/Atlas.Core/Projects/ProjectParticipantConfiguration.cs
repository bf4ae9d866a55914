namespace Atlas.Core.Projects;

internal sealed class ProjectParticipantConfiguration : IEntityTypeConfiguration<ProjectParticipant>
{
    public void Configure(EntityTypeBuilder<ProjectParticipant> builder)
    {
        builder.HasXminVersion(pp => pp.Version);
        builder.HasOne(pp => pp.Project).WithMany(p => p.Participants).HasForeignKey(pp => pp.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(pp => pp.LocalAuthority).WithMany().HasForeignKey(pp => pp.LocalAuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(pp => pp.Organisation).WithMany().HasForeignKey(pp => pp.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(pp => pp.LocalAuthorityId);
        builder.HasIndex(pp => pp.OrganisationId);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_project_participants_one_party", "num_nonnulls(local_authority_id, organisation_id) = 1");
            t.HasCheckConstraint("ck_project_participants_role", CheckConstraints.InList("role", EnumCode<ParticipantRole>.All));
        });
    }
}
