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
    public static async Task<(EvaluationResult? Result, IResult? Problem)> Evaluate(CheckoutRequest request, HttpContext http, PromoEngineService engine, CodeAttemptLimiter limiter)
    {
        Cart cart;
        try
        {
            cart = request.ToCart();
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
