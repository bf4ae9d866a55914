using Atlas.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atlas.Core.DiplomaticPosts;

internal sealed class DiplomaticPostConfiguration : IEntityTypeConfiguration<DiplomaticPost>
{
    public void Configure(EntityTypeBuilder<DiplomaticPost> builder)
    {
        builder.Property(p => p.Key).HasMaxLength(120);
        builder.HasXminVersion(p => p.Version);
        builder.HasIndex(p => p.Key).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(300).UseCollation(FrenchOrder.Collation);
        builder.Property(p => p.City).HasMaxLength(200);
    }
}
