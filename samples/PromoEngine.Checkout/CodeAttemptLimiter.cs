using System;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace PromoEngine.Checkout;

/// <summary>
/// Limits how many codes that match nothing a client may type: the framework's sliding-window rate limiter,
/// partitioned by client, fed after each evaluation with what the result reports (<see cref="CodeAttempts.Failed"/>:
/// unknown, malformed and mistyped codes; a real code that does not apply is not a guess).
/// </summary>
public sealed class CodeAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public CodeAttemptLimiter(IConfiguration configuration)
    {
        var permits = configuration.GetValue("Checkout:FailedCodesPerWindow", 10);
        var window = configuration.GetValue("Checkout:Window", TimeSpan.FromMinutes(15));
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetSlidingWindowLimiter(client, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = 5,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Whether the client may still try codes.</summary>
    public bool MayTryCodes(string client) => _limiter.GetStatistics(client)?.CurrentAvailablePermits is not 0;

    /// <summary>Counts what an evaluation's codes came to against the client.</summary>
    public void Record(string client, CodeAttempts attempts)
    {
        for (var i = 0; i < attempts.Failed; i++)
        {
            using var lease = _limiter.AttemptAcquire(client);
        }
    }

    /// <summary>Counts one code that matched nothing against the client (a coupon clipped with a code no promotion has).</summary>
    public void RecordFailed(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
    }

    public void Dispose() => _limiter.Dispose();
}
