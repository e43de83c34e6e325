using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace PromoEngine;

/// <summary>Reads JSON elements with paths, collecting every error instead of stopping at the first.</summary>
internal sealed class JsonErrors
{
    public List<string> Errors { get; } = [];

    public void Add(JsonPath path, string message) => Errors.Add($"{path}: {message}");

    /// <summary>Runs a factory of the core, turning its argument errors into errors at a path.</summary>
    public T? Make<T>(JsonPath path, Func<T> make)
        where T : class => Make(path, make, static make => make());

    /// <summary>Runs a factory of the core on an argument, turning its argument errors into errors at a path: with a
    /// static factory, nothing is allocated for a value that is valid.</summary>
    public T? Make<TArgument, T>(JsonPath path, TArgument argument, Func<TArgument, T> make)
        where T : class
    {
        try
        {
            return make(argument);
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
    public bool Object(JsonElement element, string path, params ReadOnlySpan<string> known) => Object(element, path, known, []);

    /// <summary>Checks that an element is an object holding only the properties <paramref name="known"/> and
    /// <paramref name="also"/> (the properties read around it), each once.</summary>
    /// <remarks>Implementation note: a catalog checks millions of property names, so a known name is matched on the
    /// document's UTF-8 text and remembered by its bit: no name is made into a string and no set is made unless a
    /// property is not known. The search starts after the last match, since a document written by
    /// <see cref="PromotionJson.Write(System.Collections.Generic.IEnumerable{Promotion})"/> lists the properties in the
    /// order the readers know them.</remarks>
    public bool Object(JsonElement element, string path, ReadOnlySpan<string> known, ReadOnlySpan<string> also) =>
        Object(element, path, known, also, []);

    /// <summary>Checks the object as <see cref="Object(JsonElement, string, ReadOnlySpan{string})"/> does, and gives the
    /// values of its known properties (<paramref name="values"/> is where they are kept: one per known name).</summary>
    public bool Object(JsonElement element, string path, ReadOnlySpan<string> known, Span<JsonElement> values, out JsonProperties properties)
    {
        if (values.Length < known.Length)
        {
            throw new ArgumentException("There must be room for the value of every known property.", nameof(values));
        }

        values.Clear();
        properties = new JsonProperties(known, values);
        return Object(element, path, known, [], values);
    }

    private bool Object(JsonElement element, string path, ReadOnlySpan<string> known, ReadOnlySpan<string> also, Span<JsonElement> values)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Add(path, $"must be an object, not {Describe(element)}.");
            return false;
        }

        var count = known.Length + also.Length;
        if (count > 64)
        {
            throw new ArgumentException("An object reader knows at most 64 properties.", nameof(known));
        }

        var seen = 0UL;
        HashSet<string>? unknown = null;
        var valid = true;
        var next = 0;
        foreach (var property in element.EnumerateObject())
        {
            var at = IndexOf(property, known, also, next);
            if (at >= 0)
            {
                next = at + 1;
                var name = at < known.Length ? known[at] : also[at - known.Length];
                if (at < values.Length)
                {
                    values[at] = property.Value;
                }

                if ((seen & (1UL << at)) != 0)
                {
                    Add($"{path}.{name}", "is given more than once; each property may appear once.");
                    valid = false;
                }
                else
                {
                    seen |= 1UL << at;
                    if (property.Value.ValueKind == JsonValueKind.Null)
                    {
                        Add($"{path}.{name}", "must not be null: leave the property out for its default.");
                    }
                }
            }
            else if (!TryName(property, out var name))
            {
                Add(path, "has a property name that is not valid text (a lone surrogate escape).");
                valid = false;
            }
            else if (!(unknown ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
            {
                Add($"{path}.{name}", "is given more than once; each property may appear once.");
                valid = false;
            }
            else
            {
                Add($"{path}.{name}", $"is not a known property (expected one of: {string.Join(", ", [.. known, .. also])}).");
            }
        }

        return valid;
    }

    /// <summary>The position of a property's name in <paramref name="known"/> followed by <paramref name="also"/>,
    /// searched from <paramref name="start"/> round to it; -1 when it is not there (or is not valid text).</summary>
    private static int IndexOf(JsonProperty property, ReadOnlySpan<string> known, ReadOnlySpan<string> also, int start)
    {
        var count = known.Length + also.Length;
        try
        {
            for (var i = 0; i < count; i++)
            {
                var at = (start + i) % count;
                if (property.NameEquals(at < known.Length ? known[at] : also[at - known.Length]))
                {
                    return at;
                }
            }
        }
        catch (InvalidOperationException)
        {
            // A name that is not valid text matches nothing; the caller reports it.
        }

        return -1;
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

    public string? String(JsonElement element, JsonPath path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            if (TryGetString(element) is { } text)
            {
                return text;
            }

            Add(path, "is not valid text (it holds a lone surrogate escape).");
            return null;
        }

        Add(path, $"must be a string, not {Describe(element)}.");
        return null;
    }

    /// <summary>The text of a string element, or <see langword="null"/> when it is not valid text (a lone surrogate
    /// escape).</summary>
    private static string? TryGetString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public int? Int(JsonElement element, JsonPath path)
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

    public decimal? Decimal(JsonElement element, JsonPath path)
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

    public bool? Bool(JsonElement element, JsonPath path)
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
    public bool AtMost(JsonElement element, JsonPath path, int max, string items, string limit)
    {
        if (element.ValueKind == JsonValueKind.Array && element.GetArrayLength() is var count && count > max)
        {
            Add(path, string.Create(CultureInfo.InvariantCulture, $"holds {count:N0} {items}; at most {max:N0} are allowed ({limit})."));
            return false;
        }

        return true;
    }

    public List<string>? Strings(JsonElement element, JsonPath path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Add(path, $"must be an array of strings, not {Describe(element)}.");
            return null;
        }

        var result = new List<string>(element.GetArrayLength());
        string? text = null;
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            // The path of an item is made only for an item in error.
            var value = item.ValueKind == JsonValueKind.String ? TryGetString(item) : null;
            if ((value ?? String(item, new JsonPath(text ??= path.ToString(), index))) is { } read)
            {
                result.Add(read);
            }

            index++;
        }

        return result;
    }

    public TEnum? Enum<TEnum>(JsonElement element, JsonPath path, params ReadOnlySpan<(string Name, TEnum Value)> values)
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

        var names = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            names[i] = values[i].Name;
        }

        Add(path, $"'{text}' is not one of: {string.Join(", ", names)}.");
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
