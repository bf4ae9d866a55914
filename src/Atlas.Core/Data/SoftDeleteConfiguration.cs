namespace Atlas.Core.Data;

/// <summary>
/// Hides deleted records from every query: each <see cref="ISoftDeletable"/> by its own <c>deleted_at</c>, and the link rows of a
/// partnership or a project (authorities, themes) with their record, so that nothing counts a deleted partnership through them.
/// Restoring and listing deleted records goes through <c>IgnoreQueryFilters()</c>.
/// </summary>
internal static class SoftDeleteConfiguration
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var type in modelBuilder.Model.GetEntityTypes().Where(t => typeof(ISoftDeletable).IsAssignableFrom(t.ClrType)).ToList())
        {
            var record = Expression.Parameter(type.ClrType, "record");
            var live = Expression.Equal(Expression.Property(record, nameof(ISoftDeletable.DeletedAt)), Expression.Constant(null, typeof(DateTimeOffset?)));
            type.SetQueryFilter(Expression.Lambda(live, record));
        }
        modelBuilder.Entity<PartnershipAuthority>().HasQueryFilter(pa => pa.Partnership!.DeletedAt == null);
        modelBuilder.Entity<PartnershipTheme>().HasQueryFilter(pt => pt.Partnership!.DeletedAt == null);
        modelBuilder.Entity<ProjectTheme>().HasQueryFilter(pt => pt.Project!.DeletedAt == null);
    }
}
