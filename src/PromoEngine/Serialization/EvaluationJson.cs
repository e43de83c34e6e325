using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>Carts and evaluation results as JSON, for logs, APIs and audits. Amounts are written as
/// <c>{ "amount": 12.50, "currency": "USD" }</c>, reasons and kinds by their stable names.</summary>
/// <remarks>Thread-safe: it keeps no state.</remarks>
public static class EvaluationJson
{
    /// <summary>Writes an evaluation result: totals, lines with their adjustments, applied and rejected promotions,
    /// hints and redemptions.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON, indented.</returns>
    public static string Write(EvaluationResult result)
    {
        Guard.NotNull(result);
        return Document(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("at", result.At.ToString());
            Money(writer, "subtotal", result.Subtotal);
            Money(writer, "itemDiscounts", result.ItemDiscounts);
            Money(writer, "orderDiscounts", result.OrderDiscounts);
            Money(writer, "shipping", result.Shipping);
            Money(writer, "shippingDiscount", result.ShippingDiscount);
            Money(writer, "total", result.Total);
            writer.WriteBoolean("usedGreedyFallback", result.UsedGreedyFallback);
            writer.WriteStartObject("codeAttempts");
            writer.WriteNumber("entered", result.CodeAttempts.Entered);
            writer.WriteNumber("unknown", result.CodeAttempts.Unknown);
            writer.WriteNumber("malformed", result.CodeAttempts.Malformed);
            writer.WriteNumber("likelyTypos", result.CodeAttempts.LikelyTypos);
            writer.WriteEndObject();
            writer.WriteStartArray("lines");
            foreach (var line in result.Lines)
            {
                writer.WriteStartObject();
                writer.WriteString("lineId", line.LineId);
                writer.WriteString("sku", line.Sku);
                writer.WriteNumber("quantity", line.Quantity);
                Money(writer, "original", line.Original);
                Adjustments(writer, line.Adjustments);
                Money(writer, "final", line.Final);
                if (!line.Units.IsEmpty)
                {
                    writer.WriteStartArray("units");
                    foreach (var unit in line.Units)
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("index", unit.Index);
                        Adjustments(writer, unit.Adjustments);
                        Money(writer, "final", unit.Final);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("applied");
            foreach (var applied in result.Applied)
            {
                writer.WriteStartObject();
                writer.WriteString("promotionId", applied.PromotionId.Value);
                writer.WriteString("name", applied.Name);
                OptionalString(writer, "code", applied.Code);
                writer.WriteString("class", applied.Class.ToString());
                Money(writer, "amount", applied.Amount);
                Money(writer, "nominalAmount", applied.NominalAmount);
                writer.WriteString("clampedBy", applied.ClampedBy.ToString());
                if (applied.FromWallet)
                {
                    writer.WriteBoolean("fromWallet", true);
                }
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("rejected");
            foreach (var rejection in result.Rejected)
            {
                writer.WriteStartObject();
                OptionalString(writer, "promotionId", rejection.PromotionId?.Value);
                OptionalString(writer, "code", rejection.Code);
                writer.WriteString("reason", rejection.Reason.ToString());
                writer.WriteString("message", rejection.Message);
                OptionalMoney(writer, "shortfall", rejection.Shortfall);
                OptionalNumber(writer, "missingQuantity", rejection.MissingQuantity);
                OptionalString(writer, "itemsLabel", rejection.ItemsLabel);
                OptionalNumber(writer, "previousOrders", rejection.PreviousOrders);
                OptionalNumber(writer, "previousOrdersAtLeast", rejection.PreviousOrdersAtLeast);
                OptionalNumber(writer, "previousOrdersAtMost", rejection.PreviousOrdersAtMost);
                OptionalString(writer, "sku", rejection.Sku);
                OptionalNumber(writer, "limit", rejection.Limit);
                OptionalNumber(writer, "used", rejection.Used);
                OptionalString(writer, "winner", rejection.Winner?.Value);
                OptionalString(writer, "winnerCode", rejection.WinnerCode);
                OptionalMoney(writer, "aloneAmount", rejection.AloneAmount);
                OptionalString(writer, "boundary", rejection.Boundary?.ToString());
                if (rejection.FromWallet)
                {
                    writer.WriteBoolean("fromWallet", true);
                }
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("hints");
            foreach (var hint in result.Hints)
            {
                writer.WriteStartObject();
                writer.WriteString("promotionId", hint.PromotionId.Value);
                writer.WriteString("kind", hint.Kind.ToString());
                OptionalMoney(writer, "shortfall", hint.Shortfall);
                OptionalNumber(writer, "missingQuantity", hint.MissingQuantity);
                OptionalString(writer, "itemsLabel", hint.ItemsLabel);
                OptionalString(writer, "sku", hint.Sku);
                writer.WriteString("message", hint.Message);
                if (hint.FromWallet)
                {
                    writer.WriteBoolean("fromWallet", true);
                }
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("redemptions");
            foreach (var redemption in result.Redemptions)
            {
                writer.WriteStartObject();
                writer.WriteString("promotionId", redemption.PromotionId.Value);
                OptionalString(writer, "code", redemption.Code);
                OptionalString(writer, "customerId", redemption.CustomerId);
                OptionalString(writer, "orderId", redemption.OrderId);
                Money(writer, "amount", redemption.Amount);
                PromotionJson.WriteAttribution(writer, redemption.Attribution);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>Writes a cart: currency, lines, customer (with the order count when known, and the wallet when it holds
    /// anything), shipping, channel, shipping region and shipping method.</summary>
    /// <param name="cart">The cart.</param>
    /// <returns>The JSON, indented.</returns>
    public static string Write(Cart cart)
    {
        Guard.NotNull(cart);
        return Document(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("currency", cart.Currency.Code);
            writer.WriteStartArray("lines");
            foreach (var line in cart.Lines)
            {
                writer.WriteStartObject();
                writer.WriteString("lineId", line.LineId);
                writer.WriteString("sku", line.Sku);
                writer.WriteNumber("unitPrice", line.UnitPrice.Amount);
                writer.WriteNumber("quantity", line.Quantity);
                Strings(writer, "categories", line.Categories);
                Strings(writer, "tags", line.Tags);
                OptionalString(writer, "brand", line.Brand);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("customer");
            OptionalString(writer, "id", cart.Customer.Id);
            Strings(writer, "segments", cart.Customer.Segments);
            Strings(writer, "memberships", cart.Customer.Memberships);
            OptionalString(writer, "region", cart.Customer.Region?.ToString());
            writer.WriteBoolean("firstOrder", cart.Customer.IsFirstOrder);
            OptionalNumber(writer, "previousOrders", cart.Customer.PreviousOrders);
            if (!cart.Customer.Wallet.IsEmpty)
            {
                writer.WriteStartArray("wallet");
                foreach (var entry in cart.Customer.Wallet.Entries)
                {
                    writer.WriteStartObject();
                    writer.WriteString("code", entry.Code);
                    writer.WriteString("kind", entry.Kind.ToString());
                    OptionalString(writer, "validFrom", entry.ValidFrom?.ToString("g", System.Globalization.CultureInfo.InvariantCulture));
                    OptionalString(writer, "validUntil", entry.ValidUntil?.ToString("g", System.Globalization.CultureInfo.InvariantCulture));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteNumber("shipping", cart.Shipping.Amount);
            OptionalString(writer, "channel", cart.Channel);
            OptionalString(writer, "shippingRegion", cart.ShippingRegion?.ToString());
            OptionalString(writer, "shippingMethod", cart.ShippingMethod);
            writer.WriteEndObject();
        });
    }

    private static string Document(System.Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Adjustments(Utf8JsonWriter writer, IEnumerable<Adjustment> adjustments)
    {
        writer.WriteStartArray("adjustments");
        foreach (var adjustment in adjustments)
        {
            writer.WriteStartObject();
            writer.WriteString("promotionId", adjustment.PromotionId.Value);
            writer.WriteString("class", adjustment.Class.ToString());
            Money(writer, "amount", adjustment.Amount);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Money(Utf8JsonWriter writer, string name, Money money) => JsonWriting.Money(writer, name, money);

    private static void OptionalMoney(Utf8JsonWriter writer, string name, Money? money)
    {
        if (money is { } m)
        {
            Money(writer, name, m);
        }
    }

    private static void OptionalString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void OptionalNumber(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    private static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values) => JsonWriting.Strings(writer, name, values);
}
