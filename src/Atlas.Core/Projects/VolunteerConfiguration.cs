namespace Atlas.Core.Projects;

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> builder)
    {
        builder.HasXminVersion(v => v.Version);
        builder.Property(v => v.LastName).HasMaxLength(200);
        builder.Property(v => v.FirstName).HasMaxLength(200);
        builder.Property(v => v.Mission).HasMaxLength(500);
        builder.Property(v => v.FieldOfAction).HasMaxLength(300);
        builder.Property(v => v.HostEntity).HasMaxLength(300);
        builder.HasOne(v => v.Project).WithMany(p => p.Volunteers).HasForeignKey(v => v.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
