using System;
using System.Text.Json;

namespace PromoEngine;

/// <summary>The values of an object's known properties, found in the one pass that checks the object (see
/// <see cref="JsonErrors.Object(JsonElement, string, ReadOnlySpan{string}, Span{JsonElement}, out JsonProperties)"/>),
/// so that reading a property does not search the object again.</summary>
/// <remarks>A property given twice holds its last value, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>
/// finds it.</remarks>
internal readonly ref struct JsonProperties(ReadOnlySpan<string> names, ReadOnlySpan<JsonElement> values)
{
    private readonly ReadOnlySpan<string> _names = names;
    private readonly ReadOnlySpan<JsonElement> _values = values;

    /// <summary>The value of a known property that is there and not null.</summary>
    public bool Optional(string name, out JsonElement value)
    {
        var at = IndexOf(name);
        if (at < 0)
        {
            throw new ArgumentException($"'{name}' is not one of the object's known properties.", nameof(name));
        }

        value = _values[at];
        return value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);
    }

    private int IndexOf(string name)
    {
        // A reader names a property with the literal its known names hold: the same string, found by reference first.
        for (var i = 0; i < _names.Length; i++)
        {
            if (ReferenceEquals(_names[i], name))
            {
                return i;
            }
        }

        return _names.IndexOf(name);
    }

    /// <summary>The value of a known property, or an error at its path when it is not there or null.</summary>
    public bool Required(string name, string path, JsonErrors errors, out JsonElement value)
    {
        if (Optional(name, out value))
        {
            return true;
        }

        errors.Add($"{path}.{name}", "is required.");
        return false;
    }
}
