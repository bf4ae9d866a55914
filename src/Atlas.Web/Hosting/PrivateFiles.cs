namespace Atlas.Web.Hosting;

/// <summary>
/// Files only the app's own user may read (a mail carrying a link with a secret, the key ring's certificate): a folder 0700,
/// a file 0600 from the moment it exists, written aside and moved into place so that no reader ever sees half of it.
/// </summary>
internal static partial class PrivateFiles
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupAndOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Creates the folder for the process owner alone. One that exists already open to others (made by an earlier version, or
    /// by hand) is closed when the process owns it; one it does not own is left as it is and reported, since changing another
    /// user's folder (a shared spool, or /tmp itself as root) could break what else uses it. The files stay 0600 either way.
    /// </summary>
    public static void CreateFolder(string folder, ILogger logger)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        Directory.CreateDirectory(folder, OwnerOnlyFolder);
        var mode = File.GetUnixFileMode(folder);
        if ((mode & GroupAndOthers) == 0) return;
        if (UnixFileOwner.IsOwnedByProcess(folder) == true)
        {
            File.SetUnixFileMode(folder, mode & ~GroupAndOthers);
            LogFolderClosed(logger, folder, Octal(mode));
        }
        else
        {
            LogFolderOpen(logger, folder, Octal(mode));
        }
    }

    /// <summary>Writes <paramref name="path"/> whole, 0600; false when it exists already and <paramref name="overwrite"/> is false.</summary>
    public static async Task<bool> WriteAsync(string path, ReadOnlyMemory<byte> content, bool overwrite, ILogger logger, CancellationToken ct = default)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        CreateFolder(folder, logger);
        var partial = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        // Created with its final mode, so that no one can open it in the moment between creating and restricting it.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        await using (var file = new FileStream(partial, options)) await file.WriteAsync(content, ct);
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

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The folder {Folder} was open to other users (mode {Mode}): closed to the process owner alone (700)")]
    private static partial void LogFolderClosed(ILogger logger, string folder, string mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The folder {Folder} is open to other users (mode {Mode}) and belongs to another user: " +
        "its files are readable by their owner only, but choose a folder of the app's own")]
    private static partial void LogFolderOpen(ILogger logger, string folder, string mode);
}
