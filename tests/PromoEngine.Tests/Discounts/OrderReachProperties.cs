using System;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>An order discount short of its first tier takes nothing, whatever is left to pay: the evaluator orders a
/// lane's order promotions without summing what is left of the lines of those short of it.</summary>
public sealed class OrderReachProperties
{
    [Property(MaxTest = 500)]
    public void Amount_ShortOfTheFirstTier_IsNothing(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var usd = Currency.Usd;
        var tiered = random.Next(2) == 0
            ? Discount.Tiered(TierBasis.Subtotal, Tier.PercentOffFrom(50 + random.Next(100), 5), Tier.AmountOffFrom(500, new Money(20m, usd)))
            : Discount.Tiered(TierBasis.Quantity, Tier.AmountOffFrom(2 + random.Next(4), new Money(5m, usd)), Tier.PercentOffFrom(10, 15));
        var discount = (OrderDiscount)(random.Next(2) == 0 ? tiered : tiered.AndShipping(Discount.FreeShipping));
        var original = random.Next(0, 70_000) / 100m;
        var quantity = random.Next(0, 12);
        var remaining = Math.Min(original, random.Next(0, 70_000) / 100m);

        var reach = discount.Reach(original, quantity);

        Assert.NotNull(reach);
        if (reach.Value.First is not null)
        {
            Assert.Equal(0m, discount.Amount(remaining, original, quantity));
        }
        else
        {
            Assert.True(discount.Amount(remaining, original, quantity) > 0m || remaining == 0m);
        }
    }
}
