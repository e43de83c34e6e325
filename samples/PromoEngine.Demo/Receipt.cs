using System.Globalization;
using System.Linq;
using System.Text;

namespace PromoEngine.Demo;

/// <summary>Prints an evaluation the way a checkout page would explain it.</summary>
internal static class Receipt
{
    public static string Print(string title, Cart cart, EvaluationResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(title);
        text.AppendLine(new string('=', title.Length));
        foreach (var line in result.Lines)
        {
            var item = cart.Lines.Single(l => l.LineId == line.LineId);
            text.AppendLine(Row($"{line.Quantity} x {item.Sku} @ {line.UnitPrice.Amount:0.00}", line.Original));
            foreach (var adjustment in line.Adjustments)
            {
                text.AppendLine(Row($"    {Name(result, adjustment.PromotionId)}", -adjustment.Amount));
            }
        }

        text.AppendLine(new string('-', 52));
        text.AppendLine(Row("Subtotal", result.Subtotal));
        if (!result.OrderDiscounts.IsZero)
        {
            text.AppendLine(Row("Order discounts", -result.OrderDiscounts));
        }

        text.AppendLine(Row("Shipping", result.Shipping));
        if (!result.ShippingDiscount.IsZero)
        {
            text.AppendLine(Row("Shipping discount", -result.ShippingDiscount));
        }

        text.AppendLine(Row("Total", result.Total));
        text.AppendLine(Row("You saved", result.TotalDiscount));
        foreach (var applied in result.Applied)
        {
            var code = applied.Code is null ? "automatic" : "code " + applied.Code;
            text.AppendLine($"  applied   {applied.Name} ({code}): {applied.Amount}{Clamp(applied)}");
        }

        foreach (var rejection in result.Rejected)
        {
            text.AppendLine($"  not used  {rejection.Reason}: {rejection.Message}");
        }

        foreach (var hint in result.Hints)
        {
            text.AppendLine($"  tip       {hint.Message}");
        }

        return text.ToString();
    }

    private static string Name(EvaluationResult result, PromotionId id) =>
        result.Applied.FirstOrDefault(a => a.PromotionId == id)?.Name ?? id.Value;

    private static string Row(string label, Money amount) =>
        string.Create(CultureInfo.InvariantCulture, $"{label,-40}{amount.Amount,12:0.00}");

    private static string Clamp(AppliedPromotion applied) => applied.ClampedBy switch
    {
        ClampedBy.Price => $", {applied.NominalAmount} cut to the price",
        ClampedBy.MaxDiscount => ", capped",
        ClampedBy.Budget => ", cut to what is left of its budget",
        _ => string.Empty,
    };
}
