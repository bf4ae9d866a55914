namespace Atlas.Web.Hosting;

/// <summary>
/// Files only the app's own user may read (a mail carrying a link with a secret, the key ring's certificate): a folder 0700,
/// a file 0600 from the moment it exists, written aside and moved into place so that no reader ever sees half of it.
/// </summary>
internal static class PrivateFiles
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="folder"/> 0700; an existing one this user owns is narrowed to 0700.</summary>
    public static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        Directory.CreateDirectory(folder, FolderMode);
        if ((File.GetUnixFileMode(folder) & ~FolderMode) != 0) File.SetUnixFileMode(folder, FolderMode);
    }

    /// <summary>Writes <paramref name="path"/> whole, 0600; false when it exists already and <paramref name="overwrite"/> is false.</summary>
    public static bool Write(string path, ReadOnlySpan<byte> content, bool overwrite)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        CreateFolder(folder);
        var partial = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        using (var file = new FileStream(partial, options)) file.Write(content);
        try
        {
            File.Move(partial, path, overwrite);
            return true;
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            File.Delete(partial);
            return false;
        }
    }
}
