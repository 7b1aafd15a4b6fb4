namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>Builds a text <see cref="DiscreteColumn"/> from one string per row.</summary>
internal static class TextColumns
{
    public static DiscreteColumn Build(string name, int rows, Func<int, string> valueOf)
    {
        var codes = new int[rows];
        var codeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new List<object>();
        for (int r = 0; r < rows; r++)
        {
            string text = valueOf(r);
            if (!codeOf.TryGetValue(text, out int code))
            {
                code = categories.Count;
                codeOf.Add(text, code);
                categories.Add(text);
            }
            codes[r] = code;
        }
        return new DiscreteColumn(name, TextDataViewType.Instance, codes, categories);
    }
}
