namespace Atlas.Core.Export;

/// <summary>The Table Schema types an export column may have (a repeated column has the type of its items).</summary>
public enum ExportType { String, Integer, Number, Boolean, Date, DateTime }
