namespace PromoEngine;

/// <summary>How a shopper gets a promotion.</summary>
public enum ActivationKind
{
    /// <summary>No code: it applies to every cart that qualifies.</summary>
    Automatic = 0,

    /// <summary>One shared code, such as a social-media code or a group claim code for the first N customers.</summary>
    SharedCode = 1,

    /// <summary>A pool of single-use claim codes: each code can be redeemed once.</summary>
    ClaimCodes = 2,
}
