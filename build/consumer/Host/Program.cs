using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PromoEngine;
using PromoEngine.Hosting;
using PromoEngine.PostgreSql;

// A host as a backend writes one: the engine from AddPromoEngine, the ledger on PostgreSQL, migrated at start.
var connectionString = Environment.GetEnvironmentVariable("PROMOENGINE_POSTGRES")
    ?? throw new InvalidOperationException("PROMOENGINE_POSTGRES (a connection string) is required.");
var schema = "consumer_" + Guid.NewGuid().ToString("N")[..8];
var usd = Currency.FromCode("USD");
var catalog = PromotionCatalog.Create(
[
    Promotion.Create("ten-off", "10% off, first 100 orders")
        .Giving(Discount.PercentOffOrder(10m))
        .WithCode("WELCOME10")
        .WithLimits(new UsageLimits(total: 100))
        .Build(),
]);

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddPromoEngine(engine => engine
    .UseCatalog(catalog)
    .UsePostgreSqlLedger(connectionString, schema: schema, migrateOnStart: true));
using var host = builder.Build();
await host.StartAsync();

var engine = host.Services.GetRequiredService<PromoEngineService>();
var cart = new Cart(usd, [new CartLine("l1", "mug", new Money(12.50m, usd), 2)]);
var result = await engine.EvaluateAsync(cart, ["welcome10"]);
Check(result.Total == new Money(22.50m, usd), $"total {result.Total}");

var reserved = await engine.Ledger.ReserveAsync(ReservationRequest.For("order-1", result, catalog));
Check(reserved.Succeeded && reserved.State == ReservationState.Reserved, $"reserve {reserved.State}");
await engine.Ledger.CommitAsync("order-1");
var usage = await engine.Ledger.GetUsageAsync(engine.Evaluator.UsageRequestFor(cart, ["WELCOME10"], result.At));
Check(usage.PromotionUses(new PromotionId("ten-off")) == 1, $"uses {usage.PromotionUses(new PromotionId("ten-off"))}");

await host.StopAsync();
Console.WriteLine($"consumer host: total {result.Total}, reserved and committed order-1, 1 use counted in schema {schema}");

static void Check(bool ok, string what)
{
    if (!ok)
    {
        Console.Error.WriteLine($"consumer host: unexpected {what}");
        Environment.Exit(1);
    }
}
