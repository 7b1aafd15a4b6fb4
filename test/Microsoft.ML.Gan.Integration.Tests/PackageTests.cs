using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Xml.Linq;

namespace Microsoft.ML.Gan.Integration.Tests;

/// <summary>
/// The packages as a user gets them: `dotnet pack` of the three libraries and of the mlgan tool into a local folder
/// (built in a separate artifacts folder, so the repository's outputs are left alone), the tool installed from it into
/// a temporary tool path, and an application outside the repository built from the packages alone.
/// </summary>
[TestClass]
public sealed partial class PackageTests
{
    private static readonly string[] LibraryIds = ["MLGan", "MLGan.Tabular", "MLGan.Images"];
    private static string s_work = "";
    private static string s_feed = "";
    private static string s_version = "";
    private static string s_repository = "";
    private static readonly Lock ToolLock = new();

    [ClassInitialize]
    public static void PackEverything(TestContext _)
    {
        s_repository = RepositoryRoot();
        s_work = Path.Combine(Path.GetTempPath(), $"mlgan-packages-{Guid.NewGuid():N}");
        s_feed = Path.Combine(s_work, "feed");
        // A version of its own: nothing from another run (or a package cache) can stand in for these packages.
        s_version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
        string artifacts = Path.Combine(s_work, "artifacts");
        foreach (string project in new[] { "Microsoft.ML.Gan", "Microsoft.ML.Gan.Tabular", "Microsoft.ML.Gan.Images", "Microsoft.ML.Gan.Cli" })
        {
            // The tool for this platform only: the other platforms' packages differ only in their native files.
            ProcessRunner.Dotnet(s_repository, "pack", Path.Combine("src", project), "-c", "Release", "-o", s_feed,
                "--artifacts-path", artifacts, $"-p:PackageVersion={s_version}",
                $"-p:ToolPackageRuntimeIdentifiers={RuntimeInformation.RuntimeIdentifier}", "-v", "quiet", "-nologo");
        }
        // The artifacts hold a copy of libtorch; only the packages are needed from here on.
        Directory.Delete(artifacts, recursive: true);
    }

    [ClassCleanup]
    public static void DeleteWorkFolder()
    {
        if (Directory.Exists(s_work))
            Directory.Delete(s_work, recursive: true);
    }

    [TestMethod]
    public void LibraryPackagesCarryMetadataSymbolsAndTheNativeRepairButNoLibtorch()
    {
        foreach (string id in LibraryIds)
        {
            using var package = ZipFile.OpenRead(Path.Combine(s_feed, $"{id}.{s_version}.nupkg"));
            var metadata = Nuspec(package);
            Assert.AreEqual(id, Value(metadata, "id"));
            Assert.IsFalse(id.StartsWith("Microsoft.", StringComparison.Ordinal), "nuget.org reserves the Microsoft.* prefix");
            Assert.AreEqual("MIT", Value(metadata, "license"));
            Assert.AreEqual("README.md", Value(metadata, "readme"));
            Assert.IsNotNull(package.GetEntry("README.md"));
            Assert.IsFalse(string.IsNullOrWhiteSpace(Value(metadata, "description")));
            Assert.IsFalse(string.IsNullOrWhiteSpace(Value(metadata, "authors")));
            StringAssert.StartsWith(metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")!.Value, "https://");
            Assert.IsNotNull(package.GetEntry($"lib/net10.0/Microsoft.ML.Gan{id["MLGan".Length..]}.dll"), "the assembly keeps its Microsoft.ML.Gan name");
            Assert.IsFalse(package.Entries.Any(e => e.FullName.StartsWith("runtimes/", StringComparison.Ordinal)), "libtorch comes as a dependency, not inside");
            Assert.IsTrue(File.Exists(Path.Combine(s_feed, $"{id}.{s_version}.snupkg")), $"{id} has a symbol package");
        }
        using var core = ZipFile.OpenRead(Path.Combine(s_feed, $"MLGan.{s_version}.nupkg"));
        foreach (string file in new[] { "MLGan.targets", "TorchSharpNativeFix.targets", "MarkGlibcxxVersionNeedWeak.cs" })
            Assert.IsNotNull(core.GetEntry($"buildTransitive/{file}"), file);
        var dependencies = Nuspec(core).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).ToList();
        CollectionAssert.Contains(dependencies, "TorchSharp-cpu");
    }

    [TestMethod]
    public void ToolInstallsFromTheLocalFolderAndRunsTheDemo()
    {
        string mlgan = InstalledTool();

        var (helpCode, help) = ProcessRunner.Run(mlgan, s_work, "--help");
        Assert.AreEqual(0, helpCode, help);
        StringAssert.Contains(help, "demo");

        string demo = Path.Combine(s_work, "demo");
        var (demoCode, output) = ProcessRunner.Run(mlgan, s_work, "demo", "--rows", "500", "--epochs", "2", "--out-dir", demo);
        Assert.AreEqual(0, demoCode, output);
        Assert.IsGreaterThan(1, File.ReadAllLines(Path.Combine(demo, "synthetic.csv")).Length, output);
        StringAssert.Contains(File.ReadAllText(Path.Combine(demo, "report.html")), "<svg ");
    }

    [TestMethod]
    public void ApplicationOutsideTheRepositoryFitsCtganFromThePackages()
    {
        string app = Path.Combine(s_work, "app");
        Directory.CreateDirectory(app);
        // The packages folder lies beside the application, not inside it (its files would join the compilation).
        File.WriteAllText(Path.Combine(app, "NuGet.config"), AppNuGetConfig(Path.Combine(s_work, "app-packages")));
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MLGan.Tabular" Version="{s_version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Microsoft.ML;
            using Microsoft.ML.Gan.Tabular.Ctgan;

            var mlContext = new MLContext(seed: 1);
            var random = new Random(1);
            var rows = Enumerable.Range(0, 200).Select(_ => new Row { Size = (float)random.NextDouble() * 10, Kind = random.Next(3) == 0 ? "a" : "b" }).ToList();
            using var model = mlContext.Gan().Tabular.Ctgan(new CtganOptions { Epochs = 2, BatchSize = 50, Threads = 1 })
                .Fit(mlContext.Data.LoadFromEnumerable(rows));
            var sampled = mlContext.Data.CreateEnumerable<Row>(model.Sample(25, seed: 2), reuseRowObject: false).ToList();
            Console.WriteLine($"sampled {sampled.Count} rows, kinds {string.Join(",", sampled.Select(r => r.Kind).Distinct().Order())}");

            public sealed class Row
            {
                public float Size { get; set; }
                public string Kind { get; set; } = "";
            }
            """);

        string build = ProcessRunner.Dotnet(app, "build", "-c", "Release");
        string imports = File.ReadAllText(Directory.GetFiles(Path.Combine(app, "obj"), "*.nuget.g.targets").Single());
        StringAssert.Contains(imports, "buildTransitive/MLGan.targets".Replace('/', Path.DirectorySeparatorChar), "the package's native repair reaches the application");
        if (OperatingSystem.IsLinux() && !Microsoft.ML.Gan.Torch.TorchNativeLibrary.SystemLibstdcxxHas("GLIBCXX_3.4.32"))
            StringAssert.Contains(build, "marked GLIBCXX_3.4.32 need weak", "without the repair TorchSharp cannot load here");

        string run = ProcessRunner.Dotnet(app, "run", "-c", "Release", "--no-build");
        StringAssert.Contains(run, "sampled 25 rows");
    }

    /// <summary>The mlgan tool installed from the local folder into a tool path of its own (once per run).</summary>
    private static string InstalledTool()
    {
        lock (ToolLock)
        {
            string tools = Path.Combine(s_work, "tools");
            string mlgan = Path.Combine(tools, OperatingSystem.IsWindows() ? "mlgan.exe" : "mlgan");
            if (!File.Exists(mlgan))
                ProcessRunner.Dotnet(s_work, "tool", "install", "MLGan.Tool", "--version", s_version, "--tool-path", tools, "--add-source", s_feed);
            return mlgan;
        }
    }

    /// <summary>The local folder first, then the repository's own sources; packages found in the user's cache are reused.</summary>
    private static string AppNuGetConfig(string packagesFolder)
    {
        var sources = XDocument.Load(Path.Combine(s_repository, "NuGet.config")).Root!.Element("packageSources")!
            .Elements("add").Select(e => $"""    <add key="{e.Attribute("key")!.Value}" value="{e.Attribute("value")!.Value}" />""");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packagesFolder}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{s_feed}" />
            {string.Join('\n', sources)}
              </packageSources>
              <fallbackPackageFolders>
                <clear />
                <add key="user" value="{UserPackagesFolder()}" />
              </fallbackPackageFolders>
            </configuration>
            """;
    }

    private static string UserPackagesFolder()
    {
        string output = ProcessRunner.Dotnet(s_work, "nuget", "locals", "global-packages", "--list");
        return output.Trim().Split("global-packages:", 2)[1].Trim();
    }


    private static XElement Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Value(XElement metadata, string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Microsoft.ML.Gan.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No Microsoft.ML.Gan.sln above {AppContext.BaseDirectory}.");
    }
}
