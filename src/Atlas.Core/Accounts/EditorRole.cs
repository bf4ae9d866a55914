namespace Atlas.Core.Accounts;

/// <summary>What an account may edit: everything, the records of one embassy's countries, or one authority's.</summary>
public enum EditorRole { Administrator, Correspondent, AuthorityEditor }
