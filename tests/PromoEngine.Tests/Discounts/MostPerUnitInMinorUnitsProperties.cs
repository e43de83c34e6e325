using System;
using FsCheck;
using FsCheck.Xunit;
using PromoEngine.Internal;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>The common cart's path asks a discount's most per unit in whole minor units
/// (<c>ItemDiscount.TryMostPerUnitInMinorUnits</c>); a percentage works it out in whole numbers. These check it is
/// <c>MostPerUnit</c> bit for bit (value and places) whenever that is whole minor units, and declines otherwise.</summary>
public sealed class MostPerUnitInMinorUnitsProperties
{
    [Property(MaxTest = 3000)]
    public void PercentOffItems_AnyPriceAndPercent_MostPerUnitBitForBitOrDeclined(uint priceMantissa, byte priceScaleSeed, uint percentSeed, byte percentScaleSeed, byte minorSeed)
    {
        var minorUnits = minorSeed % 5;
        var price = new decimal((int)(priceMantissa % 100_000_000), 0, 0, false, (byte)(priceScaleSeed % (minorUnits + 1)));
        // Percentages as written: whole (10, 15), with places (12.5, 33.333), some with trailing zeros (20.00).
        var percentScale = (byte)(percentScaleSeed % 5);
        var percent = Math.Min(100m, Math.Max(0.0001m, new decimal((int)(percentSeed % 1_000_001), 0, 0, false, percentScale)));
        var discount = (ItemDiscount)Discount.PercentOffItems(percent);
        Assert.True(Decimals.TryParts(price, out var mantissa, out var scale));

        var taken = discount.TryMostPerUnitInMinorUnits(price, mantissa, scale, minorUnits, out var share, out var places);

        var expected = discount.MostPerUnit(price);
        if (taken)
        {
            var actual = Decimals.FromMinorUnits(share, minorUnits, places);
            Assert.Equal(decimal.GetBits(expected), decimal.GetBits(actual));
            Assert.Equal(expected.Scale, places);
        }
        else
        {
            // Declined only when the amount is not whole minor units.
            Assert.True(expected.Scale > minorUnits, $"{percent} % of {price} is {expected}, whole minor units ({minorUnits} places), but was declined");
        }
    }

    [Theory]
    [InlineData("3", "10", 2, "0.3")]
    [InlineData("10.50", "15", 2, "1.575")] // three places: not whole cents, declined
    [InlineData("0.00", "20", 2, "0.00")]
    [InlineData("19.99", "25", 2, "4.9975")] // declined
    [InlineData("4.00", "12.5", 2, "0.500")] // whole cents, but written to three places: declined (the places show)
    [InlineData("100", "100", 0, "100")]
    public void PercentOffItems_Examples_AsMostPerUnit(string price, string percent, int minorUnits, string most)
    {
        var p = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);
        var discount = (ItemDiscount)Discount.PercentOffItems(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(Decimals.TryParts(p, out var mantissa, out var scale));

        var taken = discount.TryMostPerUnitInMinorUnits(p, mantissa, scale, minorUnits, out var share, out var places);

        Assert.Equal(most, discount.MostPerUnit(p).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(places <= minorUnits && taken, taken);
        if (taken)
        {
            Assert.Equal(most, Decimals.FromMinorUnits(share, minorUnits, places).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            Assert.True(discount.MostPerUnit(p).Scale > minorUnits);
        }
    }
}
