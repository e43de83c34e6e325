namespace PromoEngine.Benchmarks.Comparison;

/// <summary>The cart as RulesEngine's rules see it (<c>input1</c>).</summary>
/// <param name="Lines">The lines.</param>
public sealed record RulesCart(RulesLine[] Lines);
