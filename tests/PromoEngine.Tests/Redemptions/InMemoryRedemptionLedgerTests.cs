using System;
using System.Threading.Tasks;
using NodaTime;
using PromoEngine.Testing;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>Runs the ledger contract (PromoEngine.Testing) against the in-memory ledger, with the races at the
/// strength the repository's own concurrency tests had: 64 tasks of 1,000 attempts.</summary>
public sealed partial class InMemoryRedemptionLedgerTests : RedemptionLedgerContract
{
    protected override int RacingTasks => 64;

    protected override int AttemptsPerTask => 1_000;

    protected override ValueTask<IRedemptionLedger> CreateLedgerAsync(IClock clock, Duration timeout) =>
        ValueTask.FromResult<IRedemptionLedger>(new InMemoryRedemptionLedger(clock, timeout));

    [Fact]
    public void Constructor_NonPositiveTimeout_IsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryRedemptionLedger(Clock, Duration.Zero));

        Assert.Equal("reservationTimeout", e.ParamName);
    }
}
