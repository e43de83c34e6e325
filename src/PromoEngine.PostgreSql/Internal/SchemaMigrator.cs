using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace PromoEngine.PostgreSql.Internal;

/// <summary>Applies the embedded migrations (<c>Migrations/NNNN_name.sql</c>) in order, each once, recording each
/// version in <c>schema_version</c>.</summary>
internal static partial class SchemaMigrator
{
    private const string ResourcePrefix = "PromoEngine.PostgreSql.Migrations.";

    /// <summary>The migrations shipped in this assembly, by version.</summary>
    public static IReadOnlyList<(int Version, string Name)> Migrations { get; } = Discover();

    public static int Latest => Migrations[^1].Version;

    /// <summary>Brings the schema up to <see cref="Latest"/>; returns how many migrations it applied.</summary>
    /// <remarks>Implementation note: everything runs in one transaction that first takes a transaction-scoped advisory
    /// lock keyed by the schema's name, so concurrent calls (two hosts starting at once) run one after the other and
    /// the second finds the versions already recorded; a failed migration leaves nothing behind.</remarks>
    public static async Task<int> MigrateAsync(NpgsqlConnection connection, string schema, string quotedSchema, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtextextended('PromoEngine.PostgreSql migrate ' || $1, 0))", cancellationToken, schema)
            .ConfigureAwait(false);
        await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {quotedSchema}", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            $"CREATE TABLE IF NOT EXISTS {quotedSchema}.schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            cancellationToken).ConfigureAwait(false);

        var applied = new HashSet<int>();
        await using (var command = new NpgsqlCommand($"SELECT version FROM {quotedSchema}.schema_version", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var count = 0;
        foreach (var (version, name) in Migrations.Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(connection, Read(version, name).Replace("{schema}", quotedSchema, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"INSERT INTO {quotedSchema}.schema_version (version, name) VALUES ($1, $2)", cancellationToken, version, name)
                .ConfigureAwait(false);
            count++;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Read(int version, string name)
    {
        var resource = string.Create(CultureInfo.InvariantCulture, $"{ResourcePrefix}{version:D4}_{name}.sql");
        using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The migration {resource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static List<(int, string)> Discover()
    {
        var migrations = new List<(int, string)>();
        foreach (var resource in typeof(SchemaMigrator).Assembly.GetManifestResourceNames())
        {
            var match = MigrationName().Match(resource);
            if (match.Success)
            {
                migrations.Add((int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value));
            }
        }

        migrations.Sort();
        return migrations;
    }

    [GeneratedRegex(@"^PromoEngine\.PostgreSql\.Migrations\.(\d{4})_([a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex MigrationName();
}
