using System.Collections.Generic;
using System.Text.Json;

namespace PromoEngine;

/// <summary>The JSON shapes written in more than one place: money and arrays of strings.</summary>
internal static class JsonWriting
{
    public static void Money(Utf8JsonWriter writer, string name, Money money)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("amount", money.Amount);
        writer.WriteString("currency", money.Currency.Code);
        writer.WriteEndObject();
    }

    public static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
