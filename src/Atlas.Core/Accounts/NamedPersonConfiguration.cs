namespace Atlas.Core.Accounts;

/// <summary>A person a row names (who edited, submitted, reviewed, decided): by account and by name, the name outliving the account.</summary>
internal static class NamedPersonConfiguration
{
    /// <summary>The longest name kept on a row, as an account's display name allows it.</summary>
    public const int MaxNameLength = 200;

    /// <summary>
    /// The account is referenced while it exists and forgotten when it goes (SET NULL); the name written at the time stays,
    /// so that history, reviews and decisions still say who acted.
    /// </summary>
    public static void NamesPerson<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, int?>> account, Expression<Func<T, string?>> name)
        where T : class
    {
        builder.Property(name).HasMaxLength(MaxNameLength);
        var key = builder.Property(account).Metadata.Name;
        builder.HasOne<AtlasUser>().WithMany().HasForeignKey(key).OnDelete(DeleteBehavior.SetNull);
    }
}
