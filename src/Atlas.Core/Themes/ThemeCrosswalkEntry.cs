namespace Atlas.Core.Themes;

/// <summary>
/// One theme of a source's own vocabulary and the node of the atlas's tree that holds its meaning.
/// </summary>
/// <param name="Source">The vocabulary: <c>repertoire-2008</c> (the Franco-Moroccan répertoire's synthesis by domain) or <c>atlas-mae</c> (the ministry's atlas).</param>
/// <param name="SourceKey">The theme's key in that vocabulary, as the demo files and URLs of earlier versions wrote it.</param>
/// <param name="SourceLabel">The theme as the source printed it, its levels joined by " › ".</param>
/// <param name="TreeKey">The key of the tree node it maps onto.</param>
public sealed record ThemeCrosswalkEntry(string Source, string SourceKey, string SourceLabel, string TreeKey);
