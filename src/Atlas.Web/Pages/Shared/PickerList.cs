namespace Atlas.Web.Pages.Shared;

/// <summary>The lists a <see cref="RecordPicker"/> picks from: existing records only, so that no name is typed in twice.</summary>
public enum PickerList { Authorities, Organisations }
