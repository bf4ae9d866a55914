namespace Atlas.Core.Editing;

public enum ChangeAction { Created, Updated, Deleted, Restored }
