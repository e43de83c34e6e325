namespace PromoEngine.Benchmarks.Comparison;

/// <summary>A cart line as a shop's own model holds it: the input of the RulesEngine rules and of the hand-written
/// index (PromoEngine gets the same line as a <see cref="CartLine"/>).</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Category">The one category of the line.</param>
/// <param name="UnitPrice">The unit price.</param>
/// <param name="Quantity">The units.</param>
public sealed record RulesLine(string Sku, string Category, decimal UnitPrice, int Quantity)
{
    /// <summary>Gets the line total.</summary>
    public decimal Total { get; } = UnitPrice * Quantity;
}
