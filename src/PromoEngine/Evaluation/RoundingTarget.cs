namespace PromoEngine;

/// <summary>What an application's rounding rule (<see cref="EvaluationOptions.Rounding"/>) is applied to. The two differ
/// only at a midpoint (and under the directed rules): 15 % off 10.50 is exactly 1.575 off, leaving 8.925.</summary>
public enum RoundingTarget
{
    /// <summary>The amount left to pay is rounded, and the discount is what that takes off (the receipt a shopper checks):
    /// 8.925 rounds half up to 8.93 to pay, a discount of 1.57.</summary>
    AmountToPay = 0,

    /// <summary>The discount is rounded, and the amount left to pay is what remains: 1.575 rounds half up to a discount of
    /// 1.58, leaving 8.92 to pay.</summary>
    Discount = 1,
}
