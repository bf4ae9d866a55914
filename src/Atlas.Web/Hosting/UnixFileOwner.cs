using System.Runtime.InteropServices;

namespace Atlas.Web.Hosting;

/// <summary>
/// Whether the process owns a file, which .NET does not tell. Asked of Linux's statx, whose result has the same layout on
/// every architecture (unlike stat's); other systems answer "cannot tell".
/// </summary>
internal static class UnixFileOwner
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint UserIdField = 0x8; // STATX_UID
    private const int UserIdOffset = 20; // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, then u32 uid
    private const int ResultSize = 256;

    /// <summary>True when the process's effective user owns <paramref name="path"/>; null when this system cannot tell.</summary>
    public static bool? IsOwnedByProcess(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var result = new byte[ResultSize];
        try
        {
            if (Statx(CurrentDirectory, path, 0, UserIdField, result) != 0) return null;
            return BitConverter.ToUInt32(result, UserIdOffset) == GetEffectiveUserId();
        }
        catch (EntryPointNotFoundException)
        {
            return null; // a C library older than statx (glibc 2.28)
        }
    }

    [DllImport("libc", EntryPoint = "statx")]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] result);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();
}
