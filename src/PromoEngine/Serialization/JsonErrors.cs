using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace PromoEngine;

/// <summary>Reads JSON elements with paths, collecting every error instead of stopping at the first.</summary>
internal sealed class JsonErrors
{
    public List<string> Errors { get; } = [];

    public void Add(string path, string message) => Errors.Add($"{path}: {message}");

    /// <summary>Runs a factory of the core, turning its argument errors into errors at a path.</summary>
    public T? Make<T>(string path, Func<T> make)
        where T : class
    {
        try
        {
            return make();
        }
        catch (ArgumentException e)
        {
            Add(path, Plain(e));
            return null;
        }
        catch (OverflowException)
        {
            Add(path, "is out of range: an amount must fit its currency's minor units.");
            return null;
        }
    }

    public static string Plain(ArgumentException e)
    {
        var message = e.Message;
        var parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (parameter >= 0)
        {
            message = message[..parameter];
        }

        var actual = message.IndexOf(Environment.NewLine + "Actual value was", StringComparison.Ordinal);
        if (actual >= 0)
        {
            message = message[..actual];
        }

        message = message.Trim();
        return message.Length == 0 ? "is not valid." : char.ToLowerInvariant(message[0]) + message[1..];
    }

    /// <summary>Checks that an element is an object holding only known properties, each once: a repeated name is an
    /// error (a reader must never see one value where the engine runs another).</summary>
    public bool Object(JsonElement element, string path, params string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Add(path, $"must be an object, not {Describe(element)}.");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = true;
        foreach (var property in element.EnumerateObject())
        {
            if (!TryName(property, out var name))
            {
                Add(path, "has a property name that is not valid text (a lone surrogate escape).");
                valid = false;
            }
            else if (!seen.Add(name))
            {
                Add($"{path}.{name}", "is given more than once; each property may appear once.");
                valid = false;
            }
            else if (!known.Contains(name, StringComparer.Ordinal))
            {
                Add($"{path}.{name}", $"is not a known property (expected one of: {string.Join(", ", known)}).");
            }
            else if (property.Value.ValueKind == JsonValueKind.Null)
            {
                Add($"{path}.{name}", "must not be null: leave the property out for its default.");
            }
        }

        return valid;
    }

    private static bool TryName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = string.Empty;
            return false;
        }
    }

    public bool Required(JsonElement obj, string name, string path, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        Add($"{path}.{name}", "is required.");
        return false;
    }

    public static bool Optional(JsonElement obj, string name, out JsonElement value) =>
        obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public string? String(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            try
            {
                return element.GetString();
            }
            catch (InvalidOperationException)
            {
                Add(path, "is not valid text (it holds a lone surrogate escape).");
                return null;
            }
        }

        Add(path, $"must be a string, not {Describe(element)}.");
        return null;
    }

    public int? Int(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value))
        {
            return value;
        }

        Add(path, element.ValueKind == JsonValueKind.Number
            ? "must be a whole number from -2147483648 to 2147483647."
            : $"must be a whole number, not {Describe(element)}.");
        return null;
    }

    public decimal? Decimal(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var value))
        {
            return value;
        }

        Add(path, element.ValueKind == JsonValueKind.Number
            ? "is out of range for a decimal number."
            : $"must be a decimal number, not {Describe(element)}.");
        return null;
    }

    public bool? Bool(JsonElement element, string path)
    {
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        Add(path, $"must be true or false, not {Describe(element)}.");
        return null;
    }

    /// <summary>False, with an error naming the limit, when an array holds more than <paramref name="max"/> items
    /// (checked before any is read); true for anything else, which its reader then checks.</summary>
    public bool AtMost(JsonElement element, string path, int max, string items, string limit)
    {
        if (element.ValueKind == JsonValueKind.Array && element.GetArrayLength() is var count && count > max)
        {
            Add(path, string.Create(CultureInfo.InvariantCulture, $"holds {count:N0} {items}; at most {max:N0} are allowed ({limit})."));
            return false;
        }

        return true;
    }

    public List<string>? Strings(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Add(path, $"must be an array of strings, not {Describe(element)}.");
            return null;
        }

        var result = new List<string>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (String(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]")) is { } value)
            {
                result.Add(value);
            }

            index++;
        }

        return result;
    }

    public TEnum? Enum<TEnum>(JsonElement element, string path, params (string Name, TEnum Value)[] values)
        where TEnum : struct
    {
        if (String(element, path) is not { } text)
        {
            return null;
        }

        foreach (var (name, value) in values)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        Add(path, $"'{text}' is not one of: {string.Join(", ", values.Select(v => v.Name))}.");
        return null;
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
