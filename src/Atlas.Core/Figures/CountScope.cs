namespace Atlas.Core.Figures;

/// <summary>The records whose contributions to the stored counts an edit may change (see <see cref="CountUpkeep"/>).</summary>
public sealed record CountScope(IReadOnlyList<int> Projects, IReadOnlyList<int> Partnerships, IReadOnlyList<int> Authorities);
