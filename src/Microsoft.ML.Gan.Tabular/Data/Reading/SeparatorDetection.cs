using System.Text;

namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// Picks a CSV file's separator among comma, semicolon, tab and pipe from its first records: the candidate that
/// appears (outside quotes) in the header and the same number of times in every sampled record, the most frequent
/// such candidate winning (comma first on ties); without a consistent one, the most frequent in the header.
/// </summary>
internal static class SeparatorDetection
{
    public static readonly char[] Candidates = [',', ';', '\t', '|'];
    private const int SampleChars = 1 << 16;
    private const int SampleRecords = 50;

    public static char Detect(string path, Encoding? encoding)
    {
        var buffer = new char[SampleChars];
        int read;
        using (var text = CsvSource.Open(path, encoding))
            read = text.ReadBlock(buffer, 0, buffer.Length);
        var records = Records(buffer.AsSpan(0, read), truncated: read == buffer.Length);
        if (records.Count == 0)
            return ',';
        char? best = null;
        int bestCount = 0;
        for (int k = 0; k < Candidates.Length; k++)
        {
            int header = records[0][k];
            if (header > bestCount && records.All(r => r[k] == header))
                (best, bestCount) = (Candidates[k], header);
        }
        if (best is char consistent)
            return consistent;
        int mostInHeader = Enumerable.Range(0, Candidates.Length).MaxBy(k => records[0][k]);
        return records[0][mostInHeader] > 0 ? Candidates[mostInHeader] : ',';
    }

    /// <summary>Per record (up to <see cref="SampleRecords"/>, blank lines skipped), how often each candidate appears outside quotes.</summary>
    private static List<int[]> Records(ReadOnlySpan<char> text, bool truncated)
    {
        var records = new List<int[]>();
        var counts = new int[Candidates.Length];
        bool quoted = false, empty = true;
        for (int i = 0; i < text.Length && records.Count < SampleRecords; i++)
        {
            char ch = text[i];
            if (ch == '"')
                quoted = !quoted;
            if (!quoted && ch is '\n' or '\r')
            {
                if (!empty)
                    records.Add(counts);
                counts = new int[Candidates.Length];
                empty = true;
                continue;
            }
            empty = false;
            int k = quoted ? -1 : Array.IndexOf(Candidates, ch);
            if (k >= 0)
                counts[k]++;
        }
        if (!empty && !truncated && records.Count < SampleRecords)
            records.Add(counts);
        return records;
    }
}
