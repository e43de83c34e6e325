using System.Collections.Generic;
using System.Text.Json;

namespace PromoEngine;

public static partial class PromotionJson
{
    /// <summary>Reads the optional <c>attribution</c> of a code or claim-code activation, once its codes are set:
    /// <c>{ "channel": "instagram", "campaign": "bf-2026", "affiliate": "creator-17", "tags": ["video"] }</c>.</summary>
    private static void ReadAttribution(JsonElement activation, string path, JsonErrors errors, PromotionBuilder builder)
    {
        if (!JsonErrors.Optional(activation, "attribution", out var element))
        {
            return;
        }

        path += ".attribution";
        if (!errors.Object(element, path, "channel", "campaign", "affiliate", "tags"))
        {
            return;
        }

        string? Text(string name) => JsonErrors.Optional(element, name, out var e) ? errors.String(e, new JsonPath(path, name)) : null;
        var channel = Text("channel");
        var campaign = Text("campaign");
        var affiliate = Text("affiliate");
        List<string>? tags = JsonErrors.Optional(element, "tags", out var t) ? errors.Strings(t, new JsonPath(path, "tags")) : null;

        // Without its codes (they were refused, and reported) there is nothing to attribute.
        if (builder.Activation.Kind != ActivationKind.Automatic)
        {
            errors.Make(path, () => builder.DistributedVia(new CodeAttribution(channel, campaign, affiliate, tags)));
        }
    }

    /// <summary>Writes an <c>attribution</c> object (nothing for none): in definitions and in evaluation results.</summary>
    internal static void WriteAttribution(Utf8JsonWriter writer, CodeAttribution? attribution)
    {
        if (attribution is null)
        {
            return;
        }

        writer.WriteStartObject("attribution");
        WriteOptional("channel", attribution.Channel);
        WriteOptional("campaign", attribution.Campaign);
        WriteOptional("affiliate", attribution.Affiliate);
        if (!attribution.Tags.IsEmpty)
        {
            JsonWriting.Strings(writer, "tags", attribution.Tags);
        }

        writer.WriteEndObject();

        void WriteOptional(string name, string? value)
        {
            if (value is not null)
            {
                writer.WriteString(name, value);
            }
        }
    }
}
