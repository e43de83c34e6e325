using System.Globalization;
using System.Linq;
using System.Text;

namespace PromoEngine.Demo;

/// <summary>Prints an evaluation the way a checkout page would explain it: by default with the engine's own messages and
/// plain amounts; with a culture (<c>--culture de-DE</c>), in the shopper's language through <see cref="ShopperText"/>,
/// with money as that culture writes it.</summary>
internal sealed class Receipt(PromotionCatalog catalog, ShopperText? text = null, CultureInfo? culture = null)
{
    private const int Width = 52;

    public string Print(string title, Cart cart, EvaluationResult result)
    {
        var output = new StringBuilder();
        output.AppendLine(title);
        output.AppendLine(new string('=', title.Length));
        foreach (var line in result.Lines)
        {
            var item = cart.Lines.Single(l => l.LineId == line.LineId);
            output.AppendLine(Row($"{line.Quantity} x {item.Sku} @ {Amount(line.UnitPrice)}", line.Original));
            foreach (var adjustment in line.Adjustments)
            {
                output.AppendLine(Row($"    {Name(result, adjustment.PromotionId)}", -adjustment.Amount));
            }
        }

        output.AppendLine(new string('-', Width));
        output.AppendLine(Row(Term(ReceiptTerm.Subtotal, "Subtotal"), result.Subtotal));
        if (!result.OrderDiscounts.IsZero)
        {
            output.AppendLine(Row(Term(ReceiptTerm.OrderDiscounts, "Order discounts"), -result.OrderDiscounts));
        }

        output.AppendLine(Row(Term(ReceiptTerm.Shipping, "Shipping"), result.Shipping));
        if (!result.ShippingDiscount.IsZero)
        {
            output.AppendLine(Row(Term(ReceiptTerm.ShippingDiscount, "Shipping discount"), -result.ShippingDiscount));
        }

        output.AppendLine(Row(Term(ReceiptTerm.Total, "Total"), result.Total));
        output.AppendLine(Row(Term(ReceiptTerm.YouSaved, "You saved"), result.TotalDiscount));
        foreach (var applied in result.Applied)
        {
            var code = applied.Code is null ? Term(ReceiptTerm.Automatic, "automatic") : Term(ReceiptTerm.Code, "code") + " " + applied.Code;
            code += applied.FromWallet ? ", " + Term(ReceiptTerm.FromWallet, "from your wallet") : "";
            output.AppendLine($"  {Term(ReceiptTerm.Applied, "applied"),-9} {applied.Name} ({code}): {Full(applied.Amount)}{Clamp(applied)}");
        }

        foreach (var rejection in result.Rejected)
        {
            var message = text is null || culture is null ? rejection.Message : text.Describe(rejection, catalog, culture);
            output.AppendLine($"  {Term(ReceiptTerm.NotUsed, "not used"),-9} {rejection.Reason}: {message}");
        }

        foreach (var hint in result.Hints)
        {
            var message = text is null || culture is null ? hint.Message : text.Describe(hint, catalog, culture);
            output.AppendLine($"  {Term(ReceiptTerm.Tip, "tip"),-9} {message}");
        }

        return output.ToString();
    }

    private string Term(ReceiptTerm term, string plain) => text is null || culture is null ? plain : text.Describe(term, culture);

    private static string Name(EvaluationResult result, PromotionId id) =>
        result.Applied.FirstOrDefault(a => a.PromotionId == id)?.Name ?? id.Value;

    /// <summary>An amount in a column: bare (12.50) by default, as the shopper's culture writes money otherwise.</summary>
    private string Amount(Money amount) =>
        culture is null ? amount.Amount.ToString("0.00", CultureInfo.InvariantCulture) : amount.ToString(culture);

    /// <summary>An amount in a sentence: with its currency.</summary>
    private string Full(Money amount) => culture is null ? amount.ToString() : amount.ToString(culture);

    private string Row(string label, Money amount) => $"{label,-40}{Amount(amount),12}";

    private string Clamp(AppliedPromotion applied) => applied.ClampedBy switch
    {
        ClampedBy.Price => culture is null ? $", {applied.NominalAmount} cut to the price" : $", {Full(applied.NominalAmount)} {Term(ReceiptTerm.CutToPrice, "")}",
        ClampedBy.MaxDiscount => ", " + Term(ReceiptTerm.Capped, "capped"),
        ClampedBy.Budget => ", " + Term(ReceiptTerm.CutToBudget, "cut to what is left of its budget"),
        ClampedBy.PriceFloor => ", " + Term(ReceiptTerm.CutToPriceFloor, "kept above its price floor"),
        _ => string.Empty,
    };
}
