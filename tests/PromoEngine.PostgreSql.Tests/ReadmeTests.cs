using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using Xunit;

namespace PromoEngine.PostgreSql.Tests;

/// <summary>The README's PostgreSQL example is this file's compiled code, and it runs against the real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ReadmeTests(PostgresFixture fixture)
{
    [Fact]
    public void Readme_PostgreSqlSnippet_IsTheCompiledCode()
    {
        var source = File.ReadAllText(PromoEngine.Tests.Repository.Path("tests/PromoEngine.PostgreSql.Tests/ReadmeTests.cs"));
        var readme = File.ReadAllText(PromoEngine.Tests.Repository.Path("README.md"));

        var compiled = CompiledSnippet().Match(source);
        var shown = ReadmeSnippet().Match(readme);

        Assert.True(compiled.Success && shown.Success, "The README's <!-- pg-snippet: ledger --> block or this file's snippet is missing.");
        Assert.Equal(Dedent(compiled.Groups["code"].Value), shown.Groups["code"].Value);
    }

    [SkippableFact]
    public async Task Readme_PostgreSqlSnippet_MigratesAndReserves()
    {
        var connectionString = fixture.DataSource.ConnectionString;
        IClock clock = new FakeClock(Instant.FromUtc(2026, 11, 27, 12, 0));

        // snippet: ledger
        await using var dataSource = NpgsqlDataSource.Create(connectionString); // the host's pool, shared by the whole host
        var ledger = new PostgreSqlRedemptionLedger(dataSource, clock, Duration.FromMinutes(15), schema: "promoengine");
        await ledger.MigrateAsync(); // at deployment or start-up, never implied: creates or upgrades the schema
        // From here on, exactly as with InMemoryRedemptionLedger: GetUsageAsync, ReserveAsync, CommitAsync, ReleaseAsync.
        // endsnippet

        Assert.Equal(ReservationState.Reserved, (await ledger.ReserveAsync(new ReservationRequest("readme-1", []))).State);
        Assert.Equal(ReservationState.Committed, await ledger.CommitAsync("readme-1"));
    }

    private static string Dedent(string code)
    {
        var lines = code.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex(@"// snippet: ledger\n(?<code>.*?)\n\s*// endsnippet", RegexOptions.Singleline)]
    private static partial Regex CompiledSnippet();

    [GeneratedRegex(@"<!-- pg-snippet: ledger -->\n```csharp\n(?<code>.*?)\n```\n<!-- endsnippet -->", RegexOptions.Singleline)]
    private static partial Regex ReadmeSnippet();
}
