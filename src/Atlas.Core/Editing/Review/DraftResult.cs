namespace Atlas.Core.Editing.Review;

/// <summary>What became of a draft's save (<see cref="EditResult.Saved"/>, or why not) and the draft's id, known once it is saved.</summary>
public sealed record DraftResult(EditResult Result, long? DraftId);
