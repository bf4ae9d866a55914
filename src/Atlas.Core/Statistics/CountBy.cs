namespace Atlas.Core.Statistics;

/// <summary>Projects and partnerships of one partner country, French region, theme or year.</summary>
public sealed record CountBy<TKey>(TKey Key, int Projects, int Partnerships);
