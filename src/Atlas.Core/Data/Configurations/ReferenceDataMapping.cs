using Atlas.Core.Data.Infrastructure;
using Atlas.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atlas.Core.Data.Configurations;

internal sealed class CountryMapping : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(2).IsFixedLength();
        builder.Property(c => c.Code3).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.NameEn).HasMaxLength(100);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_countries_code", "code ~ '^[A-Z]{2}$'");
            t.HasCheckConstraint("ck_countries_code3", "code3 ~ '^[A-Z]{3}$'");
        });
    }
}

internal sealed class CurrencyMapping : IEntityTypeConfiguration<Currency>
{
    public void Configure(EntityTypeBuilder<Currency> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.ToTable(t => t.HasCheckConstraint("ck_currencies_code", "code ~ '^[A-Z]{3}$'"));
    }
}

internal sealed class RegionMapping : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(3);
        builder.Property(r => r.Name).HasMaxLength(100);
    }
}

internal sealed class DepartmentMapping : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(3);
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.RegionCode).HasMaxLength(3);
        builder.HasOne(d => d.Region).WithMany(r => r.Departments).HasForeignKey(d => d.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ThemeMapping : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.Property(t => t.Key).HasMaxLength(200);
        builder.HasIndex(t => t.Key).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasOne(t => t.Parent).WithMany(t => t.Children).HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_themes_level", $"level BETWEEN 1 AND {Theme.MaxLevel}");
            t.HasCheckConstraint("ck_themes_root", "(level = 1) = (parent_id IS NULL)");
        });
    }
}

internal sealed class DataProtectionKeyMapping : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
