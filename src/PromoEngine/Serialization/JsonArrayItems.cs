using System.Globalization;
using System.Text.Json;

namespace PromoEngine;

/// <summary>The items of a JSON array with their paths (<c>path[0]</c>, <c>path[1]</c>, ...), for <c>foreach</c>:
/// a struct, so reading an array allocates no enumerator and no closure; <c>default</c> has no items.</summary>
internal struct JsonArrayItems
{
    private readonly string? _path;
    private JsonElement.ArrayEnumerator _items;
    private int _index;

    public JsonArrayItems(JsonElement.ArrayEnumerator items, string path)
    {
        _items = items;
        _path = path;
        _index = -1;
    }

    public readonly JsonArrayItems GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_path is null || !_items.MoveNext())
        {
            return false;
        }

        _index++;
        return true;
    }

    public readonly (JsonElement Item, string Path) Current =>
        (_items.Current, string.Create(CultureInfo.InvariantCulture, $"{_path}[{_index}]"));
}
