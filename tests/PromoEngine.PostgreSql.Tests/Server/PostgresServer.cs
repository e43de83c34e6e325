using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace PromoEngine.PostgreSql.Testing;

/// <summary>A PostgreSQL server for tests and benchmarks, the way Testcontainers gives one with Docker: the server named
/// by <see cref="Variable"/> (a connection string), or else a throwaway cluster (initdb + pg_ctl, as the
/// <c>postgres</c> user when run as root) on a free loopback port, stopped and deleted on dispose.</summary>
/// <remarks>Shared as source by the PostgreSQL tests and the benchmarks. Every database it creates is its own; those on
/// a server named by the variable are dropped on dispose.</remarks>
internal sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The environment variable that names a server to use instead of starting one.</summary>
    public const string Variable = "PROMOENGINE_POSTGRES";

    private readonly string? _directory;
    private readonly string? _pgCtl;
    private readonly bool _asPostgresUser;
    private readonly List<string> _databases = [];

    private PostgresServer(string connectionString, string description, string? directory, string? pgCtl, bool asPostgresUser)
    {
        ConnectionString = connectionString;
        Description = description;
        _directory = directory;
        _pgCtl = pgCtl;
        _asPostgresUser = asPostgresUser;
    }

    /// <summary>Gets the connection string of the server's maintenance database, as a user that may create databases.</summary>
    public string ConnectionString { get; }

    /// <summary>Gets where the server comes from, for the test log.</summary>
    public string Description { get; }

    /// <summary>Gets a value indicating whether runs must have a server (CI): then a missing one fails the run.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Uses the server named by <see cref="Variable"/>, or starts a throwaway cluster.</summary>
    /// <exception cref="PostgresUnavailableException">Neither is possible; the message says what to install.</exception>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            var server = new PostgresServer(given, $"the server named by {Variable}", null, null, false);
            await server.CheckAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }

        var bin = FindBinaries() ?? throw new PostgresUnavailableException(
            "No initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin. " + Missing);
        var asPostgresUser = Environment.UserName == "root";
        var directory = Directory.CreateTempSubdirectory("promoengine-pg-").FullName;
        try
        {
            if (asPostgresUser)
            {
                await RunAsync("chown", ["postgres", directory], cancellationToken).ConfigureAwait(false);
            }

            var data = Path.Combine(directory, "data");
            await RunAsync(asPostgresUser, Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"], cancellationToken)
                .ConfigureAwait(false);
            var port = FreePort();

            // Throwaway data: fsync off, so the figures of a run on a busy machine measure the ledger more than the disk.
            var options = string.Create(
                CultureInfo.InvariantCulture,
                $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
            await RunAsync(
                asPostgresUser,
                Path.Combine(bin, "pg_ctl"),
                ["-D", data, "-l", Path.Combine(directory, "log"), "-w", "-t", "60", "-o", options, "start"],
                cancellationToken).ConfigureAwait(false);
            var connectionString = string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres");
            var server = new PostgresServer(connectionString, $"a throwaway cluster in {directory} on 127.0.0.1:{port}", directory, Path.Combine(bin, "pg_ctl"), asPostgresUser);
            await server.CheckAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch (Exception e) when (e is not PostgresUnavailableException)
        {
            TryDelete(directory);
            throw new PostgresUnavailableException($"PostgreSQL is installed ({bin}) but a throwaway cluster could not be started: {e.Message}", e);
        }
    }

    /// <summary>Creates an empty database of its own; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{prefix}_{Guid.NewGuid():N}")[..Math.Min(63, prefix.Length + 33)];
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops and deletes a throwaway cluster; on a named server, drops the databases made here.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_directory is null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            foreach (var name in _databases)
            {
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(_asPostgresUser, _pgCtl!, ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"], CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            TryDelete(_directory);
        }
    }

    /// <summary>Gets why no server can be had here, or <see langword="null"/> when one is named or installed (whether it
    /// starts is known only by starting it).</summary>
    public static string? Missing =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } || FindBinaries() is not null
            ? null
            : "PostgreSQL is missing: install the package 'postgresql' (apt-get update && apt-get install -y postgresql), or set " + Variable + " to a connection string.";

    private static string? FindBinaries()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var onPath = path.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (onPath is not null)
        {
            return onPath;
        }

        const string Root = "/usr/lib/postgresql";
        return Directory.Exists(Root)
            ? Directory.GetDirectories(Root)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .Where(x => File.Exists(Path.Combine(x.Dir, "initdb")) && File.Exists(Path.Combine(x.Dir, "pg_ctl")))
                .OrderByDescending(x => x.Version)
                .Select(x => x.Dir)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsync(bool asPostgresUser, string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        asPostgresUser ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments], cancellationToken) : RunAsync(program, arguments, cancellationToken);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw new PostgresUnavailableException($"PostgreSQL at {Description} does not answer: {e.Message}", e);
        }
    }
}

/// <summary>No PostgreSQL server could be had; the message says why and what to install.</summary>
internal sealed class PostgresUnavailableException : Exception
{
    public PostgresUnavailableException()
    {
    }

    public PostgresUnavailableException(string message)
        : base(message)
    {
    }

    public PostgresUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
