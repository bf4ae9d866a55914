namespace Atlas.Core.Partnerships;

/// <summary>The orders of the partnership directory: by title in French order, by year of signature (latest first), by last update (latest first).</summary>
public enum PartnershipDirectorySort { Title, Signed, Updated }
