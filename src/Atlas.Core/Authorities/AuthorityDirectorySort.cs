namespace Atlas.Core.Authorities;

/// <summary>The orders of the authority directory: by name in French order, by population (largest first), by number of partnerships (most first).</summary>
public enum AuthorityDirectorySort { Name, Population, Partnerships }
