using System.Linq;
using System.Text.Json;
using FsCheck.Xunit;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>Invariants of combination, codes and output over the shared generators (every kind, limits, usage and
/// options): groups and exclusives, the code slots, hidden code status, and the JSON of a result.</summary>
public sealed class CombinationProperties
{
    [Property(MaxTest = 500, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void AtMostOnePromotionOfAGroupApplies_AndAnExclusiveOneAppliesAlone(EvaluationCase c)
    {
        var result = c.Evaluate();
        // A promotion with a shipping part is listed once per class it discounts: count promotions, not entries.
        var applied = result.Applied.Select(a => a.PromotionId).Distinct().Select(id => c.Promotions.Single(p => p.Id == id)).ToList();

        Assert.All(applied.Where(p => p.Group is not null).GroupBy(p => p.Group), g => Assert.Single(g));
        if (applied.Any(p => p.IsExclusive))
        {
            Assert.Single(applied);
        }
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void CodesThatApply_NeverExceedMaxCodesPerOrder(EvaluationCase c)
    {
        var result = c.Evaluate();

        // A coded promotion with a shipping part is listed once per class it discounts, under one code: count codes.
        Assert.True(result.Applied.Where(a => a.Code is not null).Select(a => a.PromotionId).Distinct().Count() <= c.Options.MaxCodesPerOrder);
        Assert.True(result.Redemptions.Count(r => r.Code is not null) <= c.Options.MaxCodesPerOrder);
        // A code left out for want of a slot is told so, naming the winner only when a code took a slot.
        Assert.All(result.Rejected.Where(r => r.Reason == RejectionReason.TooManyCodes), r => Assert.Equal(c.Options.MaxCodesPerOrder, r.Limit));
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void HideCodeStatus_EveryUnusableCodeReadsAsAnUnknownOneDoes(EvaluationCase c)
    {
        var hidden = c with { Options = c.Options with { HideCodeStatus = true } };
        var result = hidden.Evaluate();

        foreach (var rejection in result.Rejected.Where(r => r.Code is not null))
        {
            // What is said of a code entered: nothing that tells an expired, used up or ineligible code from one that
            // does not exist (a likely typo or a malformed entry reveals no code; an outage says "try again").
            Assert.Null(rejection.PromotionId);
            Assert.Contains(rejection.Reason, new[] { RejectionReason.UnknownCode, RejectionReason.LikelyTypo, RejectionReason.MalformedCode, RejectionReason.UsageUnavailable });
            Assert.Null(rejection.Shortfall);
            Assert.Null(rejection.MissingQuantity);
            Assert.Null(rejection.Limit);
            Assert.Null(rejection.Used);
            Assert.Null(rejection.Winner);
            Assert.Null(rejection.AloneAmount);
            Assert.Null(rejection.Boundary);
            if (rejection.Reason == RejectionReason.UnknownCode)
            {
                Assert.Equal($"The code {rejection.Code} does not exist.", rejection.Message);
            }
        }

        // No hint names a promotion only a code read as unknown would tell of; one whose other code applied is the
        // shopper's already (HiddenCodeTraceTests: a second claim code of an applied promotion).
        var entered = result.Rejected.Where(r => r.Code is not null).Select(r => r.Code).ToHashSet();
        var applied = result.Applied.Select(a => a.PromotionId).ToHashSet();
        Assert.DoesNotContain(result.Hints, h => !applied.Contains(h.PromotionId) && c.Promotions.Single(p => p.Id == h.PromotionId).Activation.Codes.Any(entered.Contains));
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void EvaluationJson_Output_ParsesAndMatchesTheResult(EvaluationCase c)
    {
        var result = c.Evaluate();

        using var document = JsonDocument.Parse(EvaluationJson.Write(result));
        var root = document.RootElement;

        static decimal Amount(JsonElement money) => money.GetProperty("amount").GetDecimal();
        Assert.Equal(result.Total.Amount, Amount(root.GetProperty("total")));
        Assert.Equal(result.Subtotal.Amount, Amount(root.GetProperty("subtotal")));
        Assert.Equal(result.ItemDiscounts.Amount, Amount(root.GetProperty("itemDiscounts")));
        Assert.Equal(result.OrderDiscounts.Amount, Amount(root.GetProperty("orderDiscounts")));
        Assert.Equal(result.ShippingDiscount.Amount, Amount(root.GetProperty("shippingDiscount")));
        Assert.Equal(result.Total.Currency.Code, root.GetProperty("total").GetProperty("currency").GetString());
        Assert.Equal(result.UsedGreedyFallback, root.GetProperty("usedGreedyFallback").GetBoolean());
        Assert.Equal(result.CodeAttempts.Entered, root.GetProperty("codeAttempts").GetProperty("entered").GetInt32());

        var lines = root.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(result.Lines.Length, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = result.Lines[i];
            Assert.Equal(line.LineId, lines[i].GetProperty("lineId").GetString());
            Assert.Equal(line.Quantity, lines[i].GetProperty("quantity").GetInt32());
            Assert.Equal(line.Final.Amount, Amount(lines[i].GetProperty("final")));
            Assert.Equal(
                line.Adjustments.Select(a => (a.PromotionId.Value, a.Amount.Amount)),
                lines[i].GetProperty("adjustments").EnumerateArray().Select(a => (a.GetProperty("promotionId").GetString()!, Amount(a.GetProperty("amount")))));
            var units = lines[i].TryGetProperty("units", out var u) ? u.EnumerateArray().ToList() : [];
            Assert.Equal(line.Units.Select(x => (x.Index, x.Final.Amount)), units.Select(x => (x.GetProperty("index").GetInt32(), Amount(x.GetProperty("final")))));
        }

        Assert.Equal(
            result.Applied.Select(a => (a.PromotionId.Value, a.Code, a.Amount.Amount, a.ClampedBy.ToString())),
            root.GetProperty("applied").EnumerateArray().Select(a => (
                a.GetProperty("promotionId").GetString()!,
                a.TryGetProperty("code", out var code) ? code.GetString() : null,
                Amount(a.GetProperty("amount")),
                a.GetProperty("clampedBy").GetString()!)));
        Assert.Equal(
            result.Rejected.Select(r => (r.PromotionId?.Value, r.Code, r.Reason.ToString(), r.Message)),
            root.GetProperty("rejected").EnumerateArray().Select(r => (
                r.TryGetProperty("promotionId", out var id) ? id.GetString() : null,
                r.TryGetProperty("code", out var code) ? code.GetString() : null,
                r.GetProperty("reason").GetString()!,
                r.GetProperty("message").GetString()!)));
        Assert.Equal(result.Hints.Length, root.GetProperty("hints").GetArrayLength());
        Assert.Equal(
            result.Redemptions.Select(r => (r.PromotionId.Value, r.Amount.Amount)),
            root.GetProperty("redemptions").EnumerateArray().Select(r => (r.GetProperty("promotionId").GetString()!, Amount(r.GetProperty("amount")))));
        Assert.Equal(result.At.ToString(), root.GetProperty("at").GetString(), ignoreCase: false);
    }
}
