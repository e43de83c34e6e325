using System;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>What <see cref="PromotionEvaluator.Evaluate"/> refuses at the boundary, named by its parameter.</summary>
public sealed class EvaluateArgumentTests
{
    [Fact]
    public void Evaluate_ANullCart_IsRefusedNamingTheCart()
    {
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([Promo("ten", Discount.PercentOffItems(10)).Build()]));

        var e = Assert.Throws<ArgumentNullException>(() => evaluator.Evaluate(null!, ["SAVE"], Now));

        Assert.Equal("cart", e.ParamName);
    }
}
