namespace Atlas.Core.Authorities;

/// <summary>A new local authority as submitted: where it is, and its own fields.</summary>
public sealed class NewAuthority
{
    /// <summary>ISO 3166-1 alpha-2 code of its country.</summary>
    public string? CountryCode { get; set; }
    /// <summary>INSEE code of its French région (for a région, or when no département applies).</summary>
    public string? RegionCode { get; set; }
    /// <summary>INSEE code of its French département; its région follows.</summary>
    public string? DepartmentCode { get; set; }
    public AuthorityValues Values { get; set; } = new();
}
