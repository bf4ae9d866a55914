using System.Diagnostics;

namespace Atlas.Core.Data.Hosting;

/// <summary>
/// A private PostgreSQL cluster started from the installed server binaries, for when no connection string is configured
/// (the app on a developer's machine, the tests). It listens only on a Unix socket in a folder that only its owner can
/// enter, and runs as the <c>postgres</c> system user when the process is root, since the server refuses to run as root.
/// </summary>
public sealed partial class LocalPostgres : IAsyncDisposable
{
    public const string InstallHint =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with `sudo apt-get install -y postgresql` " +
        "(Debian/Ubuntu), or set the connection string ConnectionStrings__Atlas to a server of yours.";

    private const string SuperUser = "atlas";
    private readonly string _binDir;
    private readonly string _dataDir;
    private readonly string _socketDir;
    private readonly string? _runAs;
    private readonly string _sharedBuffers;
    private bool _startedHere;

    private LocalPostgres(string binDir, string rootDir, string? sharedBuffers = null)
    {
        _binDir = binDir;
        _sharedBuffers = sharedBuffers ?? DefaultSharedBuffers;
        RootDirectory = rootDir;
        _dataDir = Path.Combine(rootDir, "data");
        _socketDir = Path.Combine(rootDir, "socket");
        _runAs = Environment.UserName == "root" || geteuid() == 0 ? "postgres" : null;
    }

    /// <summary>The server's buffer pool unless <see cref="StartAsync"/> is given another: small, as the tests start many clusters.</summary>
    public const string DefaultSharedBuffers = "256MB";

    public string RootDirectory { get; }

    /// <summary>Whether this instance initialised a new cluster (first run) rather than reusing one.</summary>
    public bool Created { get; private set; }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = _socketDir,
        Port = 5432,
        Username = SuperUser,
        Database = database,
        Pooling = true,
        MaxPoolSize = 50,
    }.ConnectionString;

    /// <summary>
    /// Starts (initialising on first use) the cluster kept in <paramref name="rootDir"/>, with <paramref name="sharedBuffers"/>
    /// as its buffer pool (a PostgreSQL size such as <c>4GB</c>; <see cref="DefaultSharedBuffers"/> when null). A cluster found
    /// running is adopted as it is.
    /// </summary>
    public static async Task<LocalPostgres> StartAsync(string rootDir, CancellationToken cancellationToken = default, string? sharedBuffers = null)
    {
        if (sharedBuffers is not null && !IsSize(sharedBuffers))
            throw new ArgumentException($"'{sharedBuffers}' is not a PostgreSQL size such as 512MB or 4GB.", nameof(sharedBuffers));
        var binDir = FindBinaries() ?? throw new InvalidOperationException(InstallHint);
        var pg = new LocalPostgres(binDir, Path.GetFullPath(rootDir), sharedBuffers);
        await pg.StartCoreAsync(cancellationToken).ConfigureAwait(false);
        return pg;
    }

    /// <summary>Creates <paramref name="database"/> if it does not exist, optionally as a copy of <paramref name="template"/>.</summary>
    public async Task EnsureDatabaseAsync(string database, string? template = null, CancellationToken cancellationToken = default)
    {
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null) return;
        var sql = $"CREATE DATABASE \"{database}\"" + (template is null ? "" : $" TEMPLATE \"{template}\"");
        await using var create = new NpgsqlCommand(sql, conn);
        await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_startedHere) return;
        _startedHere = false;
        await RunAsync("pg_ctl", ["-D", _dataDir, "-m", "fast", "-w", "stop"], CancellationToken.None, throwOnError: false).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops the server as an operator would (fast shutdown: open sessions are ended) and keeps the cluster, so that
    /// <see cref="RestartAsync"/> brings it back with its data: for tests of a database outage.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await RunAsync("pg_ctl", ["-D", _dataDir, "-m", "fast", "-w", "stop"], cancellationToken).ConfigureAwait(false);
        _startedHere = false;
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/>.</summary>
    public Task RestartAsync(CancellationToken cancellationToken = default) => StartCoreAsync(cancellationToken);

    /// <summary>
    /// A streaming hot standby of this cluster in <paramref name="rootDir"/>, made with <c>pg_basebackup -R</c> over this
    /// cluster's socket and started (scripts/cluster.sh makes its standby the same way, over TCP): for tests of reads from a
    /// replica and of failing over to it.
    /// </summary>
    public async Task<LocalPostgres> StartStandbyAsync(string rootDir, CancellationToken cancellationToken = default)
    {
        var standby = new LocalPostgres(_binDir, Path.GetFullPath(rootDir), _sharedBuffers);
        Directory.CreateDirectory(standby.RootDirectory);
        if (standby._runAs is not null && !OperatingSystem.IsWindows())
            await RunRawAsync("chown", ["-R", $"{standby._runAs}:{standby._runAs}", standby.RootDirectory], cancellationToken).ConfigureAwait(false);
        await RunAsync("pg_basebackup", ["-D", standby._dataDir, "-R", "-X", "stream", "-c", "fast", "-h", _socketDir, "-p", "5432", "-U", SuperUser],
            cancellationToken).ConfigureAwait(false);
        await standby.StartCoreAsync(cancellationToken).ConfigureAwait(false);
        return standby;
    }

    /// <summary>Promotes this standby to a primary (<c>pg_ctl promote</c>, the operator's step after losing the primary) and waits for it.</summary>
    public Task PromoteAsync(CancellationToken cancellationToken = default) =>
        RunAsync("pg_ctl", ["-D", _dataDir, "-w", "promote"], cancellationToken);

    /// <summary>Removes the cluster's folder: for throwaway test clusters.</summary>
    public async Task DeleteAsync()
    {
        await DisposeAsync().ConfigureAwait(false);
        try { Directory.Delete(RootDirectory, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
        catch (UnauthorizedAccessException) { }
    }

    private async Task StartCoreAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(RootDirectory);
        Directory.CreateDirectory(_socketDir);
        if (_runAs is not null && !OperatingSystem.IsWindows())
        {
            // The server runs as postgres: it must own its folders and reach them through every parent.
            await RunRawAsync("chown", ["-R", $"{_runAs}:{_runAs}", RootDirectory], ct).ConfigureAwait(false);
            await RunRawAsync("chmod", ["0700", RootDirectory], ct).ConfigureAwait(false);
            foreach (var parent in Parents(RootDirectory))
            {
                var mode = File.GetUnixFileMode(parent);
                if (!mode.HasFlag(UnixFileMode.OtherExecute))
                    throw new InvalidOperationException(
                        $"The PostgreSQL folder {RootDirectory} is below {parent}, which the postgres user cannot enter. Choose another folder (Atlas:LocalDatabase:Directory).");
            }
        }

        if (!File.Exists(Path.Combine(_dataDir, "PG_VERSION")))
        {
            await RunAsync("initdb", ["-D", _dataDir, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions"], ct)
                .ConfigureAwait(false);
            Created = true;
        }

        var status = await RunAsync("pg_ctl", ["-D", _dataDir, "status"], ct, throwOnError: false).ConfigureAwait(false);
        if (status.ExitCode == 0)
        {
            // Left running by a run that did not stop cleanly: adopt it, so that this run stops it.
            _startedHere = true;
            return;
        }

        var options = string.Create(CultureInfo.InvariantCulture,
            $"-c listen_addresses='' -k {_socketDir} -p 5432 -c max_connections=200 -c shared_buffers={_sharedBuffers} -c fsync=on");
        await RunAsync("pg_ctl", ["-D", _dataDir, "-l", Path.Combine(RootDirectory, "postgres.log"), "-o", options, "-w", "-t", "60", "start"], ct)
            .ConfigureAwait(false);
        _startedHere = true;
    }

    /// <summary>A whole number of kB, MB or GB: nothing else reaches the server's command line.</summary>
    internal static bool IsSize(string value) => SizePattern().IsMatch(value);

    [System.Text.RegularExpressions.GeneratedRegex("^[1-9][0-9]{0,6}(kB|MB|GB)$")]
    private static partial System.Text.RegularExpressions.Regex SizePattern();

    private static IEnumerable<string> Parents(string path)
    {
        for (var dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            yield return dir;
    }

    private static string? FindBinaries()
    {
        var candidates = new List<string>();
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private Task<(int ExitCode, string Output)> RunAsync(string tool, string[] args, CancellationToken ct, bool throwOnError = true)
    {
        var exe = Path.Combine(_binDir, tool);
        return _runAs is null
            ? RunRawAsync(exe, args, ct, throwOnError)
            : RunRawAsync("runuser", ["-u", _runAs, "--", exe, .. args], ct, throwOnError);
    }

    private static async Task<(int ExitCode, string Output)> RunRawAsync(string file, string[] args, CancellationToken ct, bool throwOnError = true)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        if (throwOnError && process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {output.Trim()}");
        return (process.ExitCode, output);
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();
}
