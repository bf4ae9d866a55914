namespace Atlas.Core.Themes;

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.Property(t => t.Key).HasMaxLength(200);
        builder.HasIndex(t => t.Key).IsUnique();
        builder.HasFrenchName(t => t.Name, 200);
        builder.HasOne(t => t.Parent).WithMany(t => t.Children).HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_themes_level", $"level BETWEEN 1 AND {Theme.MaxLevel}");
            t.HasCheckConstraint("ck_themes_root", "(level = 1) = (parent_id IS NULL)");
        });
    }
}
