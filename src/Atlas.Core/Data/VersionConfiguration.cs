using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atlas.Core.Data;

internal static class VersionConfiguration
{
    /// <summary>
    /// Maps a record's version to PostgreSQL's <c>xmin</c> system column (it changes with every write of the row, so it needs
    /// no column of its own nor any migration) as an optimistic-concurrency token. Named explicitly, so the snake_case
    /// convention leaves it as it is.
    /// </summary>
    public static void HasXminVersion<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, uint>> version) where T : class =>
        builder.Property(version).IsRowVersion().HasColumnName("xmin");
}
