namespace PromoEngine;

/// <summary>What a claim-code format says of a typed code.</summary>
public enum ClaimCodeCheck
{
    /// <summary>The code has the format's shape and a correct check character (or the format has none).</summary>
    Valid = 0,

    /// <summary>The code has the format's shape but its check character is wrong: a character was mistyped or two
    /// adjacent characters were swapped.</summary>
    LikelyTypo = 1,

    /// <summary>The code is not of this format (length, prefix or characters differ).</summary>
    OtherShape = 2,
}
