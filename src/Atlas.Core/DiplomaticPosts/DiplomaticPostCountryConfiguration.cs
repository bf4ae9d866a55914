namespace Atlas.Core.DiplomaticPosts;

internal sealed class DiplomaticPostCountryConfiguration : IEntityTypeConfiguration<DiplomaticPostCountry>
{
    public void Configure(EntityTypeBuilder<DiplomaticPostCountry> builder)
    {
        builder.HasKey(pc => new { pc.DiplomaticPostId, pc.CountryCode });
        builder.Property(pc => pc.CountryCode).HasMaxLength(2).IsFixedLength();
        // A country is followed by one post only.
        builder.HasIndex(pc => pc.CountryCode).IsUnique();
        // The name EF cut to PostgreSQL's 63 characters when the table was made (EFCore.NamingConventions cuts it otherwise).
        builder.HasOne(pc => pc.DiplomaticPost).WithMany(p => p.Countries).HasForeignKey(pc => pc.DiplomaticPostId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_diplomatic_post_countries_diplomatic_posts_diplomatic_post_~");
        builder.HasOne(pc => pc.Country).WithMany().HasForeignKey(pc => pc.CountryCode).OnDelete(DeleteBehavior.Restrict);
    }
}
