using System;
using System.IO;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PromoEngine;
using PromoEngine.Checkout;
using PromoEngine.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.AddSingleton<CodeAttemptLimiter>();
builder.Services.AddSingleton<WalletStore>();
// The demo's catalog beside the app, unless PromoEngine:CatalogPath names another file.
builder.Services.AddPromoEngine(promo => Ledgers.Configure(
    promo.UseCatalogFile(builder.Configuration["PromoEngine:CatalogPath"] ?? Path.Combine(AppContext.BaseDirectory, "promotions.json")),
    builder.Configuration));

var app = builder.Build();
// A body that does not read as a cart is the client's error (400), with problem details like every other error.
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError });
app.UseStatusCodePages();

var orders = app.MapGroup("/orders");

// Evaluate a cart: what applies, what does not and why, the totals. Codes past the client's limit are not tried.
app.MapPost("/carts/evaluate", async (CheckoutRequest request, HttpContext http, PromoEngineService engine, CodeAttemptLimiter limiter, WalletStore wallets) =>
    await Checkout.Evaluate(request, http, engine, limiter, wallets) is var (result, problem) && problem is null
        ? Results.Text(EvaluationJson.Write(result!), "application/json")
        : problem);

// Clip a coupon from the coupon page into the customer's wallet; evaluation then applies it without typing.
app.MapPost("/customers/{customerId}/wallet", Checkout.Clip);

// Reserve the order's promotions (all or nothing), then commit when paid, or release.
orders.MapPost("/{orderId}/reserve", async (string orderId, CheckoutRequest request, HttpContext http, PromoEngineService engine, CodeAttemptLimiter limiter, WalletStore wallets) =>
{
    var (result, problem) = await Checkout.Evaluate(request, http, engine, limiter, wallets);
    if (problem is not null)
    {
        return problem;
    }

    var reservation = await Checkout.Guard(() => engine.Ledger.ReserveAsync(ReservationRequest.For(orderId, result!, engine.Evaluator.Catalog), http.RequestAborted));
    if (reservation.Problem is not null)
    {
        return reservation.Problem;
    }

    var reserved = reservation.Value!;
    return reserved.Succeeded
        ? Results.Ok(new { orderId, state = reserved.State.ToString(), expiresAt = reserved.ExpiresAt?.ToString(), total = result!.Total.Amount, currency = result.Total.Currency.Code })
        : Results.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "A promotion's limit was reached; evaluate the cart again.",
            extensions: new System.Collections.Generic.Dictionary<string, object?>
            {
                ["failures"] = reserved.Failures.Select(f => new { promotionId = f.PromotionId.Value, reason = f.Reason.ToString(), f.Limit, f.Used }).ToArray(),
            });
});
orders.MapPost("/{orderId}/commit", (string orderId, HttpContext http, PromoEngineService engine) =>
    Checkout.State(orderId, () => engine.Ledger.CommitAsync(orderId, http.RequestAborted)));
orders.MapPost("/{orderId}/release", (string orderId, HttpContext http, PromoEngineService engine) =>
    Checkout.State(orderId, () => engine.Ledger.ReleaseAsync(orderId, http.RequestAborted)));

app.Run();

/// <summary>The program, visible to WebApplicationFactory in the end-to-end tests.</summary>
public partial class Program
{
}
