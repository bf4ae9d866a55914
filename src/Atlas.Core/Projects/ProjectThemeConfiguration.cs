namespace Atlas.Core.Projects;

internal sealed class ProjectThemeConfiguration : IEntityTypeConfiguration<ProjectTheme>
{
    public void Configure(EntityTypeBuilder<ProjectTheme> builder)
    {
        builder.IsThemeLink(pt => new { pt.ProjectId, pt.ThemeId });
        builder.HasOne(pt => pt.Project).WithMany(p => p.Themes).HasForeignKey(pt => pt.ProjectId).OnDelete(DeleteBehavior.Cascade);
        // One main theme path per project.
        builder.HasIndex(pt => pt.ProjectId).IsUnique().HasFilter("is_main").HasDatabaseName("ix_project_themes_one_main");
        builder.ToTable(t => t.HasCheckConstraint("ck_project_themes_priority", "priority IS NULL OR priority BETWEEN 1 AND 99"));
    }
}
