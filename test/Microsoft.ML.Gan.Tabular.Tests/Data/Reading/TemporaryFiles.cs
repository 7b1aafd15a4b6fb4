using System.Text;

namespace Microsoft.ML.Gan.Tabular.Tests.Data.Reading;

/// <summary>A folder of small table files that a test writes and deletes afterwards.</summary>
internal sealed class TemporaryFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mlgan-reading-").FullName;

    public string Write(string name, string text) => WriteBytes(name, new UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string PathOf(string name) => Path.Combine(_folder, name);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
