namespace PromoEngine;

/// <summary>How item discounts that compound inside one lane combine on a unit.</summary>
public enum CompoundingMode
{
    /// <summary>One after the other: each takes its share of what the previous ones left (10 % then 20 % of $100
    /// leaves $72).</summary>
    Sequential = 0,

    /// <summary>Each on the price the unit had when the lane began, never past what is left (10 % and 20 % of $100
    /// leave $70).</summary>
    OnOriginalPrice = 1,
}
