namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>A growable array for values appended one at a time, ending in an exactly sized array.</summary>
internal sealed class ArrayBuilder<T>(int capacity)
{
    private T[] _items = new T[Math.Max(capacity, 16)];
    private int _count;

    public void Add(T item)
    {
        if (_count == _items.Length)
            Array.Resize(ref _items, _items.Length * 2);
        _items[_count++] = item;
    }

    public T[] ToArray()
    {
        if (_count != _items.Length)
            Array.Resize(ref _items, _count);
        return _items;
    }
}
