namespace Atlas.Web.Api.Exports;

/// <summary>A foreign key of a Table Schema.</summary>
/// <param name="Fields">The columns of this table.</param>
/// <param name="Reference">The resource and columns they point to.</param>
public sealed record ForeignKeyDto(IReadOnlyList<string> Fields, ForeignKeyReferenceDto Reference);
