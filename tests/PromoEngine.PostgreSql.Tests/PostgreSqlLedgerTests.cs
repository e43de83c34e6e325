using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using Xunit;

namespace PromoEngine.PostgreSql.Tests;

/// <summary>What the contract cannot say about a database ledger: its migration, its schema name, and technical
/// failures, which must come out as <see cref="LedgerUnavailableException"/> and never as a limit.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlLedgerTests(PostgresFixture fixture)
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 27, 12, 0);
    private static readonly Duration Timeout = Duration.FromMinutes(15);

    [SkippableFact]
    public async Task MigrateAsync_Twice_AppliesOnceAndRecordsTheVersion()
    {
        var ledger = await fixture.CreateLedgerAsync(new FakeClock(Start), Timeout);

        Assert.Equal(0, await ledger.MigrateAsync());

        Assert.Equal(new[] { 1, 2, 3 }, await VersionsAsync(ledger.Schema));
        Assert.Equal(3, PostgreSqlRedemptionLedger.LatestSchemaVersion);
    }

    [SkippableFact]
    public async Task MigrateAsync_ManyHostsAtOnce_AppliesOnce()
    {
        var schema = $"race_{Guid.NewGuid():N}"[..20];
        var ledgers = Enumerable.Range(0, 6).Select(_ => new PostgreSqlRedemptionLedger(fixture.DataSource, new FakeClock(Start), Timeout, schema)).ToArray();

        var applied = await Task.WhenAll(ledgers.Select(l => Task.Run(() => l.MigrateAsync())));

        Assert.Equal(PostgreSqlRedemptionLedger.LatestSchemaVersion, applied.Sum());
        Assert.Equal(new[] { 1, 2, 3 }, await VersionsAsync(schema));
    }

    [SkippableFact]
    public async Task Operations_BeforeMigrateAsync_AreUnavailableAndNameMigrateAsync()
    {
        var ledger = new PostgreSqlRedemptionLedger(fixture.DataSource, new FakeClock(Start), Timeout, $"none_{Guid.NewGuid():N}"[..20]);

        var e = await Assert.ThrowsAsync<LedgerUnavailableException>(async () => await ledger.GetStateAsync("o1"));

        Assert.Contains("MigrateAsync", e.Message, StringComparison.Ordinal);
        Assert.IsType<PostgresException>(e.InnerException);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Promo")]
    [InlineData("1promo")]
    [InlineData("promo-engine")]
    [InlineData("promo\"; drop schema public; --")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Constructor_MalformedSchema_IsRefused(string schema)
    {
        using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1");

        var e = Assert.Throws<ArgumentException>(() => new PostgreSqlRedemptionLedger(dataSource, new FakeClock(Start), Timeout, schema));

        Assert.Equal("schema", e.ParamName);
    }

    [Fact]
    public void Constructor_BadArguments_AreRefused()
    {
        using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1");

        Assert.Equal("reservationTimeout", Assert.Throws<ArgumentOutOfRangeException>(() => new PostgreSqlRedemptionLedger(dataSource, new FakeClock(Start), Duration.Zero)).ParamName);
        Assert.Equal("dataSource", Assert.Throws<ArgumentNullException>(() => new PostgreSqlRedemptionLedger(null!, new FakeClock(Start), Timeout)).ParamName);
        Assert.Equal("clock", Assert.Throws<ArgumentNullException>(() => new PostgreSqlRedemptionLedger(dataSource, null!, Timeout)).ParamName);
        Assert.Equal(PostgreSqlRedemptionLedger.DefaultSchema, new PostgreSqlRedemptionLedger(dataSource, new FakeClock(Start), Timeout).Schema);
    }

    [Fact]
    public async Task EveryOperation_ServerUnreachable_IsUnavailableNeverALimit()
    {
        // A loopback port nobody listens on: the connection is refused at once.
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=postgres;Timeout=2;Pooling=false");
        var ledger = new PostgreSqlRedemptionLedger(dataSource, new FakeClock(Start), Timeout);
        var request = new ReservationRequest("o1", []);

        await AssertUnavailable(async () => await ledger.ReserveAsync(request));
        await AssertUnavailable(async () => await ledger.CommitAsync("o1"));
        await AssertUnavailable(async () => await ledger.ReleaseAsync("o1"));
        await AssertUnavailable(async () => await ledger.GetStateAsync("o1"));
        await AssertUnavailable(async () => await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], ["CODE"], "c1")));
        await AssertUnavailable(() => ledger.MigrateAsync());
    }

    [SkippableFact]
    public async Task Reserve_CommandTimesOutOnALockedCounter_IsUnavailableAndHoldsNothing()
    {
        var clock = new FakeClock(Start);
        var ledger = await fixture.CreateLedgerAsync(clock, Timeout);
        var cart = new Cart(Currency.Usd, [new CartLine("1", "MUG", new Money(20m, Currency.Usd), 1)], CustomerProfile.Registered("c1"));
        var catalog = PromotionCatalog.Create([Promotion.Create("p", "p").WithCode("CODE").WithLimits(new UsageLimits(total: 5)).Giving(Discount.PercentOffItems(10)).Build()]);
        var result = new PromotionEvaluator(catalog).Evaluate(cart, ["CODE"], Start, UsageSnapshot.Empty);
        Assert.Single(result.Redemptions);
        await ledger.ReserveAsync(ReservationRequest.For("warm-up", result, catalog)); // creates the counter rows
        await ledger.ReleaseAsync("warm-up");

        // Another session holds the promotion's counter row: the reserve waits on it until its command timeout.
        await using var blocker = await fixture.DataSource.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT 1 FROM \"{ledger.Schema}\".promotion_usage WHERE promotion_id = 'p' FOR UPDATE", blocker, transaction))
        {
            await lockRow.ExecuteScalarAsync();
        }

        var impatientSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(fixture.DataSource.ConnectionString) { CommandTimeout = 1 }.ConnectionString);
        await using (impatientSource)
        {
            var impatient = new PostgreSqlRedemptionLedger(impatientSource, clock, Timeout, ledger.Schema);
            var e = await AssertUnavailable(async () => await impatient.ReserveAsync(ReservationRequest.For("o1", result, catalog)));
            Assert.IsType<NpgsqlException>(e.InnerException, exactMatch: false);
        }

        await transaction.RollbackAsync();
        Assert.Equal(ReservationState.None, await ledger.GetStateAsync("o1"));
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], ["CODE"], "c1"));
        Assert.Equal((0, 0), (usage.PromotionUses(new PromotionId("p")), usage.CodeUses("CODE")));
    }

    [SkippableFact]
    public async Task Reserve_ExpiryWithNanoseconds_IsReturnedExactlyOnRetry()
    {
        var clock = new FakeClock(Start + Duration.FromNanoseconds(123_456_789));
        var ledger = await fixture.CreateLedgerAsync(clock, Duration.FromNanoseconds(900_000_000_001));
        var request = new ReservationRequest("o1", []);

        var first = await ledger.ReserveAsync(request);
        clock.AdvanceNanoseconds(1);
        var retry = await ledger.ReserveAsync(request);

        Assert.Equal(Start + Duration.FromNanoseconds(123_456_789 + 900_000_000_001), first.ExpiresAt);
        Assert.Equal(first, retry);
    }

    [SkippableFact]
    public async Task TwoLedgersOnTwoPools_ShareOneSchema()
    {
        var clock = new FakeClock(Start);
        var one = await fixture.CreateLedgerAsync(clock, Timeout);
        await using var otherPool = NpgsqlDataSource.Create(fixture.DataSource.ConnectionString);
        var other = new PostgreSqlRedemptionLedger(otherPool, clock, Timeout, one.Schema);
        var catalog = PromotionCatalog.Create([Promotion.Create("p", "p").WithClaimCodes(["AAAA"]).Giving(Discount.PercentOffItems(10)).Build()]);
        var cart = new Cart(Currency.Usd, [new CartLine("1", "MUG", new Money(20m, Currency.Usd), 1)], CustomerProfile.Registered("c1"));
        var result = new PromotionEvaluator(catalog).Evaluate(cart, ["aaaa"], Start, UsageSnapshot.Empty);

        Assert.True((await one.ReserveAsync(ReservationRequest.For("o1", result, catalog))).Succeeded);
        var second = await other.ReserveAsync(ReservationRequest.For("o2", result, catalog));

        Assert.Equal(RejectionReason.AlreadyRedeemed, Assert.Single(second.Failures).Reason);
        Assert.Equal(ReservationState.Committed, await other.CommitAsync("o1"));
        Assert.Equal(ReservationState.Committed, await one.GetStateAsync("o1"));
    }

    private static async Task<LedgerUnavailableException> AssertUnavailable(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<LedgerUnavailableException>(call);
        Assert.NotNull(e.InnerException);
        return e;
    }

    private async Task<int[]> VersionsAsync(string schema)
    {
        await using var command = fixture.DataSource.CreateCommand($"SELECT version FROM \"{schema}\".schema_version ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new System.Collections.Generic.List<int>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return [.. versions];
    }
}
