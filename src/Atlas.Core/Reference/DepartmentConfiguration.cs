namespace Atlas.Core.Reference;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(3);
        builder.HasFrenchName(d => d.Name, 100);
        builder.Property(d => d.RegionCode).HasMaxLength(3);
        builder.HasOne(d => d.Region).WithMany(r => r.Departments).HasForeignKey(d => d.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
