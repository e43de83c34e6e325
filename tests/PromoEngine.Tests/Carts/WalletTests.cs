using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>The wallet as a value: entries, bounds, equality and how it travels with the customer.</summary>
public sealed class WalletTests
{
    private static readonly Instant Until = Now.Plus(Duration.FromDays(14));

    [Fact]
    public void WalletEntry_Constructor_NormalizesTheCode_AndComparesByValue()
    {
        var entry = WalletEntry.Clipped(" save10 ", Now, Until);

        Assert.Equal(PromotionCode.Normalize("SAVE10"), entry.Code);
        Assert.Equal(WalletEntryKind.Clipped, entry.Kind);
        Assert.Equal(WalletEntry.Clipped("SAVE10", Now, Until), entry);
        Assert.NotEqual(WalletEntry.Issued("SAVE10", Now, Until), entry);
        Assert.NotEqual(WalletEntry.Clipped("SAVE10", Now), entry);
    }

    [Fact]
    public void WalletEntry_IsValidAt_IsHalfOpen()
    {
        var entry = WalletEntry.Issued("BDAY", Now, Until);

        Assert.False(entry.IsValidAt(Now - Duration.Epsilon));
        Assert.True(entry.IsValidAt(Now));
        Assert.True(entry.IsValidAt(Until - Duration.Epsilon));
        Assert.False(entry.IsValidAt(Until));
        Assert.True(WalletEntry.Clipped("X").IsValidAt(Instant.MinValue));
    }

    [Fact]
    public void WalletEntry_EndNotAfterStart_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => WalletEntry.Clipped("SAVE10", Until, Now));
        Assert.Equal("validUntil", e.ParamName);
        Assert.Throws<ArgumentException>(() => WalletEntry.Clipped("SAVE10", Now, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u200B")]
    [InlineData("S\0AVE")]
    public void WalletEntry_MalformedCode_Throws(string code)
    {
        var e = Assert.Throws<ArgumentException>(() => WalletEntry.Clipped(code));
        Assert.Equal("code", e.ParamName);
    }

    [Fact]
    public void WalletEntry_HugeCode_IsRejectedWithoutReadingItAll()
    {
        var e = Assert.Throws<ArgumentException>(() => WalletEntry.Clipped(new string('A', 10_000_000)));
        Assert.Equal("code", e.ParamName);
        Assert.Throws<ArgumentNullException>(() => WalletEntry.Clipped(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WalletEntry("X", (WalletEntryKind)7));
    }

    [Fact]
    public void CustomerWallet_Of_MoreThanMaxEntries_ThrowsWithoutReadingFurther()
    {
        var read = 0;
        IEnumerable<WalletEntry> Endless()
        {
            while (true)
            {
                read++;
                yield return WalletEntry.Clipped($"C{read}");
            }
        }

        var e = Assert.Throws<ArgumentException>(() => CustomerWallet.Of(Endless()));
        Assert.Equal("entries", e.ParamName);
        Assert.Contains("CustomerWallet.MaxEntries", e.Message, StringComparison.Ordinal);
        Assert.Equal(CustomerWallet.MaxEntries + 1, read);
        Assert.Equal(CustomerWallet.MaxEntries, CustomerWallet.Of(Enumerable.Range(0, CustomerWallet.MaxEntries).Select(i => WalletEntry.Clipped($"C{i}"))).Entries.Length);
    }

    [Fact]
    public void CustomerWallet_Of_TheSameCodeTwice_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => CustomerWallet.Of([WalletEntry.Clipped("save-10"), WalletEntry.Issued("SAVE10")]));
        Assert.Equal("entries", e.ParamName);
        Assert.Throws<ArgumentNullException>(() => CustomerWallet.Of([null!]));
        Assert.Throws<ArgumentNullException>(() => CustomerWallet.Of(null!));
    }

    [Fact]
    public void CustomerWallet_Equality_IsByEntriesInOrder()
    {
        var a = CustomerWallet.Of([WalletEntry.Clipped("A"), WalletEntry.Issued("B", validUntil: Until)]);
        var b = CustomerWallet.Of([WalletEntry.Clipped("A"), WalletEntry.Issued("B", validUntil: Until)]);
        var reversed = CustomerWallet.Of([WalletEntry.Issued("B", validUntil: Until), WalletEntry.Clipped("A")]);

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != reversed);
        Assert.Same(CustomerWallet.Empty, CustomerWallet.Of([]));
        Assert.True(CustomerWallet.Empty.IsEmpty);
    }

    [Fact]
    public void CustomerWallet_WithAndWithout_ReturnThisWhenNothingChanges()
    {
        var wallet = CustomerWallet.Of([WalletEntry.Clipped("A")]);

        Assert.Same(wallet, wallet.With(WalletEntry.Clipped("a")));
        Assert.Same(wallet, wallet.Without("B"));
        Assert.Same(wallet, wallet.Without("\u200B"));
        Assert.Equal(["A", "B"], wallet.With(WalletEntry.Clipped("B")).Entries.Select(e => e.Code));
        Assert.True(wallet.Without("a").IsEmpty);
        Assert.Throws<ArgumentException>(() => wallet.With(WalletEntry.Issued("A")));
    }

    [Fact]
    public void CustomerProfile_WithWallet_KeepsTheRest_AndTheRestKeepsTheWallet()
    {
        var jane = CustomerProfile.Registered("jane").WithMemberships(["prime"]).WithWallet(WalletEntry.Clipped("A"));
        var moved = jane.WithSegments(["vip"]).WithRegion(new Region("US")).WithFirstOrder().WithMemberships(["gold"]);

        Assert.Equal(["A"], moved.Wallet.Entries.Select(e => e.Code));
        Assert.Equal("jane", moved.Id);
        Assert.Same(jane, jane.WithWallet(CustomerWallet.Of([WalletEntry.Clipped("A")])));
        Assert.True(CustomerProfile.Guest.Wallet.IsEmpty);
        Assert.Throws<ArgumentNullException>(() => jane.WithWallet((CustomerWallet)null!));
    }
}
