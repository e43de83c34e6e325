using System.Globalization;

namespace PromoEngine;

/// <summary>The JSON path of a value (<c>$.promotions[3].discount.percent</c>), turned into text only when an error
/// names it.</summary>
/// <remarks>Implementation note: a document of 100,000 promotions reads millions of values and reports none of their
/// paths when it is valid, so a value's path is its object's path (text, built once per object) and one step not yet
/// appended: a property name or an array index.</remarks>
internal readonly struct JsonPath
{
    private readonly string _parent;
    private readonly string? _property;
    private readonly int _index;
    private readonly bool _suffix;

    /// <summary>The path of a property of the object at <paramref name="parent"/>.</summary>
    public JsonPath(string parent, string property)
    {
        _parent = parent;
        _property = property;
        _index = -1;
    }

    /// <summary>The path of an item of the array at <paramref name="parent"/>.</summary>
    public JsonPath(string parent, int index)
    {
        _parent = parent;
        _property = null;
        _index = index;
    }

    private JsonPath(string path, string? suffix, bool raw)
    {
        _parent = path;
        _property = suffix;
        _index = -1;
        _suffix = raw;
    }

    /// <summary>A path given as text and a suffix appended as it is (<c>.amount</c>, or empty).</summary>
    public static JsonPath Suffixed(string path, string suffix) => new(path, suffix, raw: true);

    /// <summary>A path given as text.</summary>
    public static implicit operator JsonPath(string path) => new(path, null, raw: false);

    /// <summary>The path as text.</summary>
    public override string ToString() =>
        _suffix ? _parent + _property
        : _property is not null ? $"{_parent}.{_property}"
        : _index >= 0 ? string.Create(CultureInfo.InvariantCulture, $"{_parent}[{_index}]")
        : _parent;
}
