namespace Atlas.Core.Data.Infrastructure;

/// <summary>An ASP.NET Core data-protection key, kept in PostgreSQL so every web instance shares it.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
