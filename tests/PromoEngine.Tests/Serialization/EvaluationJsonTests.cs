using System.Linq;
using System.Text.Json;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

public sealed class EvaluationJsonTests
{
    [Fact]
    public void Write_Result_HoldsTotalsLinesReasonsAndRedemptions()
    {
        var result = Evaluate(
            Cart(CustomerProfile.Registered("c1"), 5m, Line("a", 40m, 2)),
            [Promo("p", Discount.PercentOffItems(10)).WithCode("SAVE").Build(), Promo("m", Discount.PercentOffItems(5)).Require(Restriction.MinimumSubtotal(D(100))).Build()],
            "save", "nope");

        using var json = JsonDocument.Parse(EvaluationJson.Write(result));
        var root = json.RootElement;

        Assert.Equal(77m, root.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal("USD", root.GetProperty("total").GetProperty("currency").GetString());
        var line = root.GetProperty("lines")[0];
        Assert.Equal(8m, line.GetProperty("adjustments").EnumerateArray().Sum(a => a.GetProperty("amount").GetProperty("amount").GetDecimal()));
        Assert.Equal(2, line.GetProperty("units").GetArrayLength());
        Assert.Equal(["UnknownCode", "MinimumSubtotalNotMet"], root.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("reason").GetString()));
        Assert.Equal(20m, root.GetProperty("rejected")[1].GetProperty("shortfall").GetProperty("amount").GetDecimal());
        Assert.Equal("SAVE", root.GetProperty("redemptions")[0].GetProperty("code").GetString());
        Assert.Equal("c1", root.GetProperty("redemptions")[0].GetProperty("customerId").GetString());
    }

    [Fact]
    public void Write_Result_HoldsCodeAttemptsAndTheCodeThatTookTheSlot()
    {
        var catalog = PromotionCatalog.Create(
            [Promo("a", Discount.PercentOffItems(10)).WithCode("A").Build(), Promo("b", Discount.PercentOffItems(20)).WithCode("B").Build()]);
        var result = new PromotionEvaluator(catalog).Evaluate(Cart(Line("x", 10m)), ["A", "B", "NOPE", "\u0000"], Now);

        using var json = JsonDocument.Parse(EvaluationJson.Write(result));
        var root = json.RootElement;

        var attempts = root.GetProperty("codeAttempts");
        Assert.Equal((4, 1, 1, 0), (attempts.GetProperty("entered").GetInt32(), attempts.GetProperty("unknown").GetInt32(),
            attempts.GetProperty("malformed").GetInt32(), attempts.GetProperty("likelyTypos").GetInt32()));
        Assert.Equal("B", root.GetProperty("rejected")[0].GetProperty("winnerCode").GetString());
        Assert.Equal("MalformedCode", root.GetProperty("rejected")[2].GetProperty("reason").GetString());
    }

    [Fact]
    public void Write_Result_SaysWhatCutAnAppliedPromotion()
    {
        var result = Evaluate(Cart(Line("a", 30m)), Promo("p", Discount.AmountOffOrder(D(50m))).Build());

        using var json = JsonDocument.Parse(EvaluationJson.Write(result));
        var applied = json.RootElement.GetProperty("applied")[0];

        Assert.Equal(30m, applied.GetProperty("amount").GetProperty("amount").GetDecimal());
        Assert.Equal(50m, applied.GetProperty("nominalAmount").GetProperty("amount").GetDecimal());
        Assert.Equal("Price", applied.GetProperty("clampedBy").GetString());
    }

    [Fact]
    public void Write_Cart_HoldsLinesCustomerShippingAndShippingRegion()
    {
        var cart = new Cart(Usd, [Line("a", 9.99m, 3, "sku-a", "shoes")], CustomerProfile.Registered("c9").WithMemberships(["prime"]).WithRegion(new Region("US", "CA")), D(4.50m), "web", new Region("US", "HI"));

        using var json = JsonDocument.Parse(EvaluationJson.Write(cart));
        var root = json.RootElement;

        Assert.Equal("USD", root.GetProperty("currency").GetString());
        Assert.Equal(9.99m, root.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());
        Assert.Equal("shoes", root.GetProperty("lines")[0].GetProperty("categories")[0].GetString());
        Assert.Equal("US-CA", root.GetProperty("customer").GetProperty("region").GetString());
        Assert.Equal(4.50m, root.GetProperty("shipping").GetDecimal());
        Assert.Equal("web", root.GetProperty("channel").GetString());
        Assert.Equal("US-HI", root.GetProperty("shippingRegion").GetString());
    }
}
