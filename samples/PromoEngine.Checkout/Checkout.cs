using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PromoEngine.Hosting;

namespace PromoEngine.Checkout;

/// <summary>What the endpoints share: reading a posted cart, the code limiter, and the ledger's technical failures.</summary>
public static class Checkout
{
    /// <summary>Evaluates a posted cart with usage from the ledger; bad input is a 400 problem, a locked-out client a 429.</summary>
    public static async Task<(EvaluationResult? Result, IResult? Problem)> Evaluate(CheckoutRequest request, HttpContext http, PromoEngineService engine, CodeAttemptLimiter limiter, WalletStore wallets)
    {
        Cart cart;
        try
        {
            cart = wallets.WithWallet(request.ToCart()); // the customer's wallet comes from the store, not from the request
        }
        catch (ArgumentException e)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The cart is not valid.", detail: e.Message));
        }

        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var codes = request.Codes?.Where(c => c is not null).ToArray() ?? [];
        if (codes.Length > PromotionEvaluator.MaxCodesPerRequest)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Too many codes.",
                detail: $"At most {PromotionEvaluator.MaxCodesPerRequest} codes can be entered at once."));
        }

        if (codes.Length > 0 && !limiter.MayTryCodes(client))
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many codes that do not exist were tried; try again later."));
        }

        var result = await engine.EvaluateAsync(cart, codes, http.RequestAborted);
        limiter.Record(client, result.CodeAttempts);
        return (result, null);
    }

    /// <summary>Clips a coupon into a customer's wallet: a code no promotion has is a failed code attempt (404, and the
    /// client's limiter counts it, so clipping is no way to guess codes); bad input, a full wallet or a code held already
    /// with another validity is a 400 problem.</summary>
    public static IResult Clip(string customerId, ClipRequest request, HttpContext http, PromoEngineService engine, CodeAttemptLimiter limiter, WalletStore wallets)
    {
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!limiter.MayTryCodes(client))
        {
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many codes that do not exist were tried; try again later.");
        }

        try
        {
            var customer = CustomerProfile.Registered(customerId);
            var entry = WalletEntry.Clipped(request.Code, validUntil: request.ValidUntil is { } until ? NodaTime.Instant.FromDateTimeOffset(until) : null);
            if (engine.Evaluator.Catalog.FindByCode(entry.Code) is null)
            {
                limiter.RecordFailed(client);
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No coupon has this code.");
            }

            var wallet = wallets.Add(customer, entry);
            return Results.Ok(new { customerId = customer.Id, wallet = wallet.Entries.Select(e => new { e.Code, kind = e.Kind.ToString(), validUntil = e.ValidUntil?.ToString() }).ToArray() });
        }
        catch (ArgumentException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The coupon cannot be clipped.", detail: e.Message);
        }
    }

    /// <summary>Runs a ledger call; a technical failure is a 503 problem (retry with the same order id), never a limit.</summary>
    public static async Task<(T? Value, IResult? Problem)> Guard<T>(Func<ValueTask<T>> call)
    {
        try
        {
            return (await call(), null);
        }
        catch (LedgerUnavailableException e)
        {
            return (default, Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The redemption ledger cannot be reached; retry with the same order id.", detail: e.Message));
        }
        catch (ArgumentException e)
        {
            return (default, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.", detail: e.Message));
        }
    }

    /// <summary>The state of an order after a commit or a release.</summary>
    public static async Task<IResult> State(string orderId, Func<ValueTask<ReservationState>> call)
    {
        var (state, problem) = await Guard(call);
        return problem ?? Results.Ok(new { orderId, state = state.ToString() });
    }
}
