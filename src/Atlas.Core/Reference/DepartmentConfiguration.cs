namespace Atlas.Core.Reference;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.IsInseePlace(d => d.Code, d => d.Name);
        builder.Property(d => d.RegionCode).HasMaxLength(3);
        builder.HasOne(d => d.Region).WithMany(r => r.Departments).HasForeignKey(d => d.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
