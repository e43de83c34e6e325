namespace PromoEngine;

/// <summary>How an order discount's minor units are spread over its qualifying lines (lines alike in all but id and
/// quantity count as one). Each line first gets its exact share (in proportion to what is left of it) rounded down; the
/// rules differ in where the minor units left over go. Lines are taken in the order of their ids (ordinal), so the
/// outcome does not depend on the order of the cart's lines. Every rule sums exactly to the discount and never takes a
/// line below zero; a line's share is then spread over its units by largest remainder.</summary>
/// <remarks>Worked example, 1.00 USD over three lines of 10.00 (exact shares 0.333...): largest remainder gives 0.34,
/// 0.33, 0.33 (ties to the earlier line); remainder to the first lines gives the same; remainder to the last line gives
/// 0.33, 0.33, 0.34; a running rounding difference gives 0.33, 0.34, 0.33 (0.333 rounds to 0.33, 0.667 to 0.67, 1.00
/// to 1.00).</remarks>
public enum OrderAllocation
{
    /// <summary>The minor units left over go one each to the lines with the largest remainders (ties: the larger line,
    /// then the earlier id). Each line is within one minor unit of its exact share.</summary>
    LargestRemainder = 0,

    /// <summary>The minor units left over go one each to the first lines (by id) whose exact share has a fraction. Each
    /// line is within one minor unit of its exact share.</summary>
    RemainderToFirstLines = 1,

    /// <summary>The minor units left over go to the last line (by id), as many as it can take without going below zero;
    /// any it cannot take go to the line before it, and so on.</summary>
    RemainderToLastLine = 2,

    /// <summary>A running rounding difference carried from line to line: line <c>i</c> gets the rounded running total of
    /// the exact shares up to it (half away from zero) less the rounded running total before it. Each line is within one
    /// minor unit of its exact share.</summary>
    CarryForward = 3,
}
