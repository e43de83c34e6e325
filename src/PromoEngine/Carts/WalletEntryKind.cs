namespace PromoEngine;

/// <summary>How a promotion came into a customer's wallet. It changes nothing in evaluation (an entry applies as if
/// its code were entered, whatever its kind); it tells a storefront how to present the entry.</summary>
public enum WalletEntryKind
{
    /// <summary>The customer clipped a coupon (from a coupon page, the app, an e-mail) that anyone could clip.</summary>
    Clipped = 0,

    /// <summary>The merchant issued the code to this customer (a birthday voucher, a service-recovery credit, a referral
    /// reward); such a code is usually personal (see <see cref="PromotionActivation.IssuedTo"/>).</summary>
    Issued = 1,
}
