using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using PromoEngine.PostgreSql;
using PromoEngine.PostgreSql.Testing;
using Xunit;

namespace PromoEngine.Checkout.Tests;

/// <summary>The checkout sample end to end on a real PostgreSQL server (started by the tests, or named by
/// <c>PROMOENGINE_POSTGRES</c>): the sample migrates its database on start and keeps redemptions there.</summary>
public sealed class CheckoutOnPostgreSqlTests : IAsyncLifetime
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 2, 18, 0);
    private PostgresServer? _server;
    private string? _missing;
    private string _connectionString = string.Empty;

    public async Task InitializeAsync()
    {
        try
        {
            _server = await PostgresServer.StartAsync();
            _connectionString = await _server.CreateDatabaseAsync("checkout");
        }
        catch (PostgresUnavailableException e)
        {
            _missing = e.Message;
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private WebApplicationFactory<Program> Factory()
    {
        if (_missing is not null)
        {
            // In CI a missing server fails the run; elsewhere the test says what to install.
            Assert.False(PostgresServer.Required, $"{_missing} (CI=true: the PostgreSQL tests must run.)");
            Skip.If(true, _missing);
        }

        return new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:PromoEngine", _connectionString);
            web.UseSetting("PromoEngine:MigrateOnStart", "true");
            web.ConfigureTestServices(services => services.AddSingleton<IClock>(new FakeClock(Now)));
        });
    }

    private static object Cart(string customer) => new
    {
        currency = "USD",
        lines = new[] { new { id = "1", sku = "jacket", price = 120.00m, quantity = 1, categories = new[] { "outerwear" } } },
        codes = new[] { "FIRST50" },
        customerId = customer,
        shipping = 6.99m,
    };

    [SkippableFact]
    public async Task ReserveCommitRelease_KeepTheirCountsInTheDatabase()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        Assert.IsType<PostgreSqlRedemptionLedger>(((Hosting.InstrumentedRedemptionLedger)factory.Services.GetRequiredService<IRedemptionLedger>()).Inner);

        var reserved = await client.PostAsJsonAsync("/orders/pg-1/reserve", Cart("alice"));
        var committed = await client.PostAsync("/orders/pg-1/commit", null);
        var again = await client.PostAsJsonAsync("/orders/pg-2/reserve", Cart("alice"));
        var released = await client.PostAsync("/orders/pg-2/release", null);

        Assert.Equal(HttpStatusCode.OK, reserved.StatusCode);
        Assert.Equal(102.00m, JsonDocument.Parse(await reserved.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetDecimal());
        Assert.Equal("Committed", JsonDocument.Parse(await committed.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString());
        Assert.Equal(120.00m, JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetDecimal());
        Assert.Equal("Released", JsonDocument.Parse(await released.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString());

        var ledger = factory.Services.GetRequiredService<PostgreSqlRedemptionLedger>();
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("first50")], ["FIRST50"], "alice"));
        Assert.Equal(1, usage.CodeUses("FIRST50"));
        Assert.Equal(1, usage.CustomerUses(new PromotionId("first50"), "alice"));
    }

    [SkippableFact]
    public async Task EightCustomersRacingForOneCodeEach_AreAllCountedOnce()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.PostAsJsonAsync($"/orders/race-{i}/reserve", Cart($"c{i}"))));
        foreach (var i in Enumerable.Range(0, 8))
        {
            await client.PostAsync($"/orders/race-{i}/commit", null);
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var usage = await factory.Services.GetRequiredService<PostgreSqlRedemptionLedger>().GetUsageAsync(new UsageRequest([new PromotionId("first50")], ["FIRST50"], null));
        Assert.Equal(8, usage.CodeUses("FIRST50"));
    }
}
