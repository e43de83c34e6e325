using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using Xunit;

namespace PromoEngine.Testing;

/// <summary>The contract of a ledger that also reports (<see cref="IRedemptionReport"/>): the attribution of every
/// redemption is stored and summed per affiliate, channel, campaign and tag, over committed orders only. A ledger that
/// does not implement <see cref="IRedemptionReport"/> is reported skipped here.</summary>
public abstract partial class RedemptionLedgerContract
{
    private static readonly CodeAttribution Creator17 = new(channel: "instagram", campaign: "bf-2026", affiliate: "creator-17", tags: ["video", "story"]);
    private static readonly CodeAttribution Creator42 = new(channel: "tiktok", campaign: "bf-2026", affiliate: "creator-42", tags: ["video"]);

    /// <summary>A redemption of a code distributed as <paramref name="attribution"/>.</summary>
    private static Redemption Attributed(string promotion, string code, string customer, decimal amount, CodeAttribution? attribution, Instant? at = null, Currency? currency = null) =>
        PromoEngine.Redemption.Create(new PromotionId(promotion), code, customer, new Money(amount, currency ?? Currency.Usd), at ?? Start, attribution);

    private async Task<(IRedemptionLedger Ledger, IRedemptionReport Report)> ReportingLedgerAsync()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        Skip.IfNot(ledger is IRedemptionReport, $"{ledger.GetType().Name} does not implement IRedemptionReport.");
        return (ledger, (IRedemptionReport)ledger);
    }

    private static async Task PlaceAsync(IRedemptionLedger ledger, string order, params Redemption[] redemptions)
    {
        var result = await ledger.ReserveAsync(new ReservationRequest(order, redemptions.Select(r => (r, Limits()))));
        Assert.True(result.Succeeded);
        Assert.Equal(ReservationState.Committed, await ledger.CommitAsync(order));
    }

    private static string Rows(ImmutableArray<AttributionTotal> totals) =>
        string.Join(" | ", totals.Select(t => $"{t.Dimension} {t.Key ?? "-"}: {t.Redemptions} {t.Discount}"));

    /// <summary>Per affiliate: committed orders count, with their discount; a live reservation and a released order do
    /// not; redemptions without attribution come last, under no key.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Report_ByAffiliate_SumsCommittedRedemptionsOnly()
    {
        var (ledger, report) = await ReportingLedgerAsync();
        await PlaceAsync(ledger, "o1", Attributed("p17", "CREATOR17", "c1", 5m, Creator17));
        await PlaceAsync(ledger, "o2", Attributed("p17", "CREATOR17", "c2", 3.5m, Creator17), Attributed("auto", "AUTO", "c2", 1m, null));
        await PlaceAsync(ledger, "o3", Attributed("p42", "CREATOR42", "c3", 2m, Creator42));
        Assert.True((await ledger.ReserveAsync(new ReservationRequest("o4", [(Attributed("p17", "CREATOR17", "c4", 7m, Creator17), Limits())]))).Succeeded);
        await PlaceAsync(ledger, "o5", Attributed("p42", "CREATOR42", "c5", 9m, Creator42));
        await ledger.ReleaseAsync("o5");

        var totals = await report.GetAttributionTotalsAsync(AttributionDimension.Affiliate);

        Assert.Equal(
            "Affiliate creator-17: 2 8.50 USD | Affiliate creator-42: 1 2.00 USD | Affiliate -: 1 1.00 USD",
            Rows(totals));
    }

    /// <summary>Channel, campaign and each tag are stored and returned as given; a redemption counts under each of its
    /// tags.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Report_ByChannelCampaignAndTag_ReturnsWhatWasStored()
    {
        var (ledger, report) = await ReportingLedgerAsync();
        await PlaceAsync(ledger, "o1", Attributed("p17", "CREATOR17", "c1", 5m, Creator17));
        await PlaceAsync(ledger, "o2", Attributed("p42", "CREATOR42", "c2", 2m, Creator42));

        Assert.Equal("Channel instagram: 1 5.00 USD | Channel tiktok: 1 2.00 USD", Rows(await report.GetAttributionTotalsAsync(AttributionDimension.Channel)));
        Assert.Equal("Campaign bf-2026: 2 7.00 USD", Rows(await report.GetAttributionTotalsAsync(AttributionDimension.Campaign)));
        Assert.Equal("Tag story: 1 5.00 USD | Tag video: 2 7.00 USD", Rows(await report.GetAttributionTotalsAsync(AttributionDimension.Tag)));
    }

    /// <summary>A partial return lowers the discount by the spend it gave back, and the count once the use is given
    /// back; a row with nothing left disappears.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Report_AfterReturns_CountsWhatIsLeft()
    {
        var (ledger, report) = await ReportingLedgerAsync();
        await PlaceAsync(ledger, "o1", Attributed("p17", "CREATOR17", "c1", 5m, Creator17));
        await PlaceAsync(ledger, "o2", Attributed("p42", "CREATOR42", "c2", 2m, Creator42));

        await ledger.ReturnAsync("o1", new LedgerReturn("r1", [new PromotionGiveBack(new PromotionId("p17"), Usd(1.25m), false)]));
        await ledger.ReturnAsync("o2", new LedgerReturn("r1", [new PromotionGiveBack(new PromotionId("p42"), Usd(2m), true)]));

        Assert.Equal("Affiliate creator-17: 1 3.75 USD", Rows(await report.GetAttributionTotalsAsync(AttributionDimension.Affiliate)));
    }

    /// <summary>An interval keeps the redemptions made inside it (half-open); currencies are summed apart.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Report_WithinAnInterval_AndPerCurrency()
    {
        var (ledger, report) = await ReportingLedgerAsync();
        var day = Duration.FromDays(1);
        await PlaceAsync(ledger, "o1", Attributed("p17", "CREATOR17", "c1", 5m, Creator17, Start - day));
        await PlaceAsync(ledger, "o2", Attributed("p17", "CREATOR17", "c2", 4m, Creator17, Start));
        await PlaceAsync(ledger, "o3", Attributed("p17e", "CREATOR17EU", "c3", 3m, Creator17, Start, Currency.Eur));
        await PlaceAsync(ledger, "o4", Attributed("p17", "CREATOR17", "c4", 2m, Creator17, Start + day));

        var totals = await report.GetAttributionTotalsAsync(AttributionDimension.Affiliate, new Interval(Start, Start + day));

        Assert.Equal("Affiliate creator-17: 1 3.00 EUR | Affiliate creator-17: 1 4.00 USD", Rows(totals));
        Assert.Equal(4, (await report.GetAttributionTotalsAsync(AttributionDimension.Affiliate)).Sum(t => t.Redemptions));
    }

    /// <summary>An undefined dimension is a programming error.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Report_UndefinedDimension_Throws()
    {
        var (_, report) = await ReportingLedgerAsync();

        var e = await Assert.ThrowsAsync<System.ArgumentOutOfRangeException>(async () => await report.GetAttributionTotalsAsync((AttributionDimension)0));

        Assert.Equal("by", e.ParamName);
    }
}
