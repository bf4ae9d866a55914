namespace Atlas.Core.Editing;

/// <summary>The lists an edit form's record picker picks from: existing records only, so that no name is typed in twice.</summary>
public enum PickerList { Authorities, Organisations }
