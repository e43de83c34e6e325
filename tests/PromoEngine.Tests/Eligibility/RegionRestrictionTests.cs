using System;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Region restrictions: allowed regions, exclusions, and whose region counts (issue 9, item 8).</summary>
public sealed class RegionRestrictionTests
{
    private static readonly Region Us = new("US");
    private static readonly Region Alaska = new("US", "AK");
    private static readonly Region Hawaii = new("US", "HI");

    private static Cart ShippingTo(Region? shippingRegion, Region? customerRegion = null) =>
        new(Usd, [Line("a", 40m)], CustomerProfile.Registered("c").WithRegion(customerRegion), D(7m), shippingRegion: shippingRegion);

    private static Promotion FreeShippingButAkAndHi() =>
        Promotion.Create("ship", "Free shipping")
            .Require(Restriction.Regions([Us], except: [Alaska, Hawaii], of: RegionSource.ShippingAddress))
            .Giving(Discount.FreeShipping)
            .Build();

    private static Promotion TenOff(Restriction restriction) => Promo("p", Discount.PercentOffItems(10)).Require(restriction).Build();

    [Fact]
    public void FreeShipping_EverywhereInTheUsButAkAndHi_ByShippingAddress()
    {
        var promotion = FreeShippingButAkAndHi();

        var toHawaii = Diagnose(ShippingTo(Hawaii, customerRegion: new Region("US", "CA")), promotion);
        var toNewYork = Diagnose(ShippingTo(new Region("US", "NY"), customerRegion: new Region("US", "CA")), promotion);

        var rejection = toHawaii.Rejection("ship");
        Assert.Equal(RejectionReason.RegionNotEligible, rejection.Reason);
        Assert.Equal("Free shipping is not available for deliveries to US-HI.", rejection.Message);
        Assert.Equal(7m, toNewYork.Applied("ship"));
    }

    [Fact]
    public void ShippingAddressRestriction_ShippingRegionUnknown_IsRejectedAndSaysSo()
    {
        var rejection = Diagnose(ShippingTo(null, customerRegion: new Region("US", "NY")), FreeShippingButAkAndHi()).Rejection("ship");

        Assert.Equal(RejectionReason.RegionNotEligible, rejection.Reason);
        Assert.Equal("Free shipping is only for deliveries to US, except US-AK, US-HI, and the shipping address is not known.", rejection.Message);
    }

    [Fact]
    public void ShippingAddressRestriction_OutsideTheAllowedRegions_NamesThem()
    {
        var rejection = Diagnose(ShippingTo(new Region("DE", "BY")), FreeShippingButAkAndHi()).Rejection("ship");

        Assert.Equal("Free shipping is only for deliveries to US, except US-AK, US-HI.", rejection.Message);
    }

    [Fact]
    public void CustomerRestriction_JudgesTheCustomerNotTheShippingAddress()
    {
        var promotion = TenOff(Restriction.Regions([Us], except: [Alaska, Hawaii]));

        var alaskanShippingToNewYork = Diagnose(ShippingTo(new Region("US", "NY"), customerRegion: Alaska), promotion);
        var newYorkerShippingToAlaska = Diagnose(ShippingTo(Alaska, customerRegion: new Region("US", "NY")), promotion);

        Assert.Equal("p is not available for customers in US-AK.", alaskanShippingToNewYork.Rejection("p").Message);
        Assert.Equal(4m, newYorkerShippingToAlaska.Applied("p"));
    }

    [Fact]
    public void ExceptRegions_AllCountriesButSome()
    {
        var promotion = TenOff(Restriction.ExceptRegions(new Region("CA"), new Region("MX")));

        Assert.Equal(4m, Diagnose(ShippingTo(null, customerRegion: new Region("US", "TX")), promotion).Applied("p"));
        Assert.Equal(4m, Diagnose(ShippingTo(null, customerRegion: new Region("FR")), promotion).Applied("p"));
        var quebec = Diagnose(ShippingTo(null, customerRegion: new Region("CA", "QC")), promotion).Rejection("p");
        Assert.Equal(RejectionReason.RegionNotEligible, quebec.Reason);
        Assert.Equal("p is not available for customers in CA-QC.", quebec.Message);
    }

    [Fact]
    public void ExceptRegions_RegionUnknown_IsRejectedBecauseNothingSaysItIsOutsideTheExcludedPlaces()
    {
        var rejection = Diagnose(ShippingTo(null), TenOff(Restriction.ExceptRegions(new Region("CA"), new Region("MX")))).Rejection("p");

        Assert.Equal(RejectionReason.RegionNotEligible, rejection.Reason);
        Assert.Equal("p is not available for customers in CA, MX, and your region is not known.", rejection.Message);
    }

    [Fact]
    public void Regions_NoExclusionsRegionUnknown_SaysTheRegionIsNotKnown()
    {
        var rejection = Diagnose(ShippingTo(null), TenOff(Restriction.Regions(Us))).Rejection("p");

        Assert.Equal("p is only for customers in US, and your region is not known.", rejection.Message);
    }

    [Fact]
    public void Regions_ExclusionOnlyByShippingAddress_AppliesElsewhere()
    {
        var promotion = TenOff(Restriction.Regions([], except: [Alaska], of: RegionSource.ShippingAddress));

        Assert.Equal(4m, Diagnose(ShippingTo(new Region("US", "WA")), promotion).Applied("p"));
        Assert.Equal("p is not available for deliveries to US-AK.", Diagnose(ShippingTo(Alaska), promotion).Rejection("p").Message);
    }

    [Fact]
    public void Regions_ExclusionOutsideEveryAllowedRegion_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => Restriction.Regions([Us], except: [new Region("DE", "BY")]));

        Assert.Equal("except", e.ParamName);
        Assert.StartsWith("The excluded region DE-BY lies outside every allowed region (US): excluding it changes nothing.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_ExclusionWiderThanTheAllowedRegion_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => Restriction.Regions([new Region("US", "CA")], except: [Us]));

        Assert.Equal("except", e.ParamName);
        Assert.StartsWith("The excluded region US lies outside every allowed region (US-CA)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_BothAllowedAndExcluded_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => Restriction.Regions([Us, new Region("CA")], except: [new Region("CA")]));

        Assert.Equal("except", e.ParamName);
        Assert.StartsWith("The region CA is both allowed and excluded.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_TheSameRegionTwice_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => Restriction.Regions(Us, new Region("us")));

        Assert.Equal("regions", e.ParamName);
        Assert.StartsWith("The region US appears twice among the allowed regions.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_ARegionInsideAnotherAllowedOne_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => Restriction.Regions(new Region("US", "CA"), Us));

        Assert.Equal("regions", e.ParamName);
        Assert.StartsWith("The region US-CA lies inside US, which is allowed already.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExceptRegions_TheSameRegionTwice_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => Restriction.ExceptRegions(Alaska, Alaska));

        Assert.Equal("excluded", e.ParamName);
        Assert.StartsWith("The region US-AK appears twice among the excluded regions.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_Empty_IsRefused()
    {
        Assert.Equal("allowed", Assert.Throws<ArgumentException>(() => Restriction.Regions([], except: [])).ParamName);
        Assert.Equal("excluded", Assert.Throws<ArgumentException>(() => Restriction.ExceptRegions()).ParamName);
        Assert.Equal("regions", Assert.Throws<ArgumentException>(() => Restriction.Regions()).ParamName);
    }

    [Fact]
    public void Regions_DefaultRegionOrUndefinedSource_IsRefused()
    {
        Assert.Equal("regions", Assert.Throws<ArgumentException>(() => Restriction.Regions(default(Region))).ParamName);
        Assert.Equal("of", Assert.Throws<ArgumentOutOfRangeException>(() => Restriction.Regions([Us], [], (RegionSource)7)).ParamName);
    }
}
