using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PromoEngine;

public static partial class PromotionJson
{
    /// <summary>Reads who a code activation's codes are issued to, once its codes are set: <c>"issuedTo": "jane"</c>
    /// (every code, for a code or claim-code activation) and, for claim codes, <c>"owners": { "BDAY-7K2M": "jane" }</c>
    /// (code by code).</summary>
    private static void ReadOwners(JsonElement activation, string path, JsonErrors errors, PromotionBuilder builder)
    {
        // Without its codes (they were refused, and reported) there is nothing to issue.
        var hasCodes = builder.Activation.Kind != ActivationKind.Automatic;
        if (JsonErrors.Optional(activation, "issuedTo", out var issuedTo) && errors.String(issuedTo, new JsonPath(path, "issuedTo")) is { } customer && hasCodes)
        {
            errors.Make(new JsonPath(path, "issuedTo"), () => builder.IssuedTo(customer));
        }

        if (!JsonErrors.Optional(activation, "owners", out var owners))
        {
            return;
        }

        path += ".owners";
        if (owners.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"must be an object of claim codes and customer ids, not {JsonErrors.Describe(owners)}.");
            return;
        }

        var pairs = new List<KeyValuePair<string, string>>();
        var read = 0;
        foreach (var property in owners.EnumerateObject())
        {
            if (++read > PromotionActivation.MaxClaimCodes)
            {
                errors.Add(path, "holds more owners than a pool may hold codes (PromotionActivation.MaxClaimCodes).");
                return;
            }

            if (errors.String(property.Value, $"{path}.{property.Name}") is { } owner)
            {
                pairs.Add(new(property.Name, owner));
            }
        }

        if (hasCodes && pairs.Count == read)
        {
            errors.Make(path, () => builder.IssuingCodes(pairs));
        }
    }

    /// <summary>Writes <c>issuedTo</c> and <c>owners</c> (nothing when the codes are anyone's), owners by code.</summary>
    private static void WriteOwners(Utf8JsonWriter writer, PromotionActivation activation)
    {
        if (activation.IssuedTo is { } customer)
        {
            writer.WriteString("issuedTo", customer);
        }

        if (!activation.CodeOwners.IsEmpty)
        {
            writer.WriteStartObject("owners");
            foreach (var (code, owner) in activation.CodeOwners.OrderBy(p => p.Key, System.StringComparer.Ordinal))
            {
                writer.WriteString(code, owner);
            }

            writer.WriteEndObject();
        }
    }
}
