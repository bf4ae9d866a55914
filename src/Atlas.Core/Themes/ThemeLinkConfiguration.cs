namespace Atlas.Core.Themes;

/// <summary>The theme side of a <see cref="ThemeLink"/>, mapped the same way for every record that carries themes.</summary>
internal static class ThemeLinkConfiguration
{
    /// <summary>
    /// Keyed by its record and theme (a theme once per record), removed with its record, never leaving a theme in use
    /// deleted, indexed by theme for the theme filters.
    /// </summary>
    public static void IsThemeLink<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, object?>> key) where T : ThemeLink
    {
        builder.HasKey(key);
        builder.HasOne(l => l.Theme).WithMany().HasForeignKey(l => l.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.ThemeId);
        builder.Property(l => l.SourceLabel).HasMaxLength(ThemeSourceLabel.MaxLength);
    }
}
