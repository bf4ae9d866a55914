namespace Atlas.Web.Hosting;

public sealed class PickupDirectoryEmailOptions
{
    public const string Section = "Atlas:Mail";

    /// <summary>Where messages are written, one .eml file each; a folder under the system's temp directory by default.</summary>
    public string PickupDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "atlas-mail");

    public string From { get; set; } = "ne-pas-repondre@atlas.localhost";
}
