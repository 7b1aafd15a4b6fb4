using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Microsoft.ML.Gan.Testing;

/// <summary>
/// Golden models: small models saved by a given build of this library, committed with the tests together with the
/// output they gave for a fixed seed. Tests load every committed file and compare its output, so a change to a saved
/// format (or to what a loaded model computes) is caught. A golden file is named <c>{family}.v{body version}.zip</c>
/// and its output <c>{family}.v{body version}.json</c>; files of older body versions stay, proving old models load.
/// </summary>
/// <remarks>
/// The files are written only on purpose: set <c>MLGAN_WRITE_GOLDEN=1</c> and run the test named
/// <c>WriteGoldenModels</c> of the test project (it writes into the project's source folder
/// <c>GoldenModels/</c>); without the variable that test is skipped (inconclusive).
/// </remarks>
internal static class GoldenModels
{
    /// <summary>The environment variable that turns the writer tests on.</summary>
    public const string WriteVariable = "MLGAN_WRITE_GOLDEN";

    /// <summary>
    /// The test category of the writers: build/test.sh leaves it out (a writer is a tool, not a check), so the suite
    /// has no skipped tests; run it with <c>MLGAN_WRITE_GOLDEN=1 dotnet test ... --filter "TestCategory=GoldenWriter"</c>.
    /// </summary>
    public const string WriterCategory = "GoldenWriter";

    /// <summary>The absolute tolerance between recorded and recomputed outputs (CPU, float32).</summary>
    public const float Tolerance = 1e-5f;

    /// <summary>Skips the calling writer test unless <see cref="WriteVariable"/> is 1.</summary>
    public static void RequireWriting()
    {
        if (Environment.GetEnvironmentVariable(WriteVariable) != "1")
            Assert.Inconclusive($"Writes the golden models into the source tree; set {WriteVariable}=1 to regenerate them deliberately.");
    }

    /// <summary>The source folder <c>GoldenModels/</c> of the calling test file's project (for the writer).</summary>
    public static string SourceFolder([CallerFilePath] string callerFile = "")
    {
        var project = new DirectoryInfo(Path.GetDirectoryName(callerFile)!);
        while (project.GetFiles("*.csproj").Length == 0)
            project = project.Parent ?? throw new InvalidOperationException($"No project folder above '{callerFile}'.");
        return Directory.CreateDirectory(Path.Combine(project.FullName, "GoldenModels")).FullName;
    }

    /// <summary>The copy of <c>GoldenModels/</c> in the test output folder (for the readers).</summary>
    public static string OutputFolder => Path.Combine(AppContext.BaseDirectory, "GoldenModels");

    /// <summary>The path of a family's golden model of one body version.</summary>
    public static string ModelPath(string folder, string family, int version) => Path.Combine(folder, $"{family}.v{version}.zip");

    /// <summary>Writes the recorded output of a golden model next to it.</summary>
    public static void WriteOutput(string modelPath, float[] output) =>
        File.WriteAllText(Path.ChangeExtension(modelPath, ".json"), JsonSerializer.Serialize(output));

    /// <summary>The recorded output of a golden model.</summary>
    public static float[] ReadOutput(string modelPath) =>
        JsonSerializer.Deserialize<float[]>(File.ReadAllText(Path.ChangeExtension(modelPath, ".json")))
        ?? throw new InvalidDataException($"No recorded output for '{modelPath}'.");

    /// <summary>
    /// The committed golden models of a family, one per body version, after checking that the listed versions are
    /// all there (a missing golden file fails rather than passing vacuously).
    /// </summary>
    public static IReadOnlyList<string> Committed(string family, params int[] versions)
    {
        var paths = versions.Select(v => ModelPath(OutputFolder, family, v)).ToArray();
        foreach (string path in paths)
            Assert.IsTrue(File.Exists(path), $"The golden model '{Path.GetFileName(path)}' is missing from {OutputFolder}.");
        return paths;
    }

    /// <summary>Asserts that a recomputed output matches the recorded one within <see cref="Tolerance"/>.</summary>
    public static void AssertMatches(string modelPath, float[] actual)
    {
        float[] expected = ReadOutput(modelPath);
        Assert.AreEqual(expected.Length, actual.Length, $"{Path.GetFileName(modelPath)}: output length");
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], actual[i], Tolerance,
                $"{Path.GetFileName(modelPath)}: value {i} differs from the recorded output.");
        }
    }
}
