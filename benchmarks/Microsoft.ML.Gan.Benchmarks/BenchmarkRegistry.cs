namespace Microsoft.ML.Gan.Benchmarks;

/// <summary>Name → benchmark; each benchmark lives in its own file and registers itself here.</summary>
internal static class BenchmarkRegistry
{
    private static readonly Dictionary<string, (string Description, Func<string[], int> Run)> Benchmarks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mlp-gan"] = (Core.MlpGanBenchmark.Description, Core.MlpGanBenchmark.Run),
        ["tabular-transformer"] = (Tabular.TransformerBenchmark.Description, Tabular.TransformerBenchmark.Run),
        ["images-dcgan"] = (Images.DcganBenchmark.Description, Images.DcganBenchmark.Run),
        ["tabular-ctgan"] = (Tabular.CtganBenchmark.Description, Tabular.CtganBenchmark.Run),
        ["tabular-sample-parquet"] = (Tabular.SampleToParquetBenchmark.Description, Tabular.SampleToParquetBenchmark.Run),
        ["images-translation"] = (Images.ImageTranslationBenchmark.Description, Images.ImageTranslationBenchmark.Run),
        ["images-stylegan"] = (Images.StyleGanBenchmark.Description, Images.StyleGanBenchmark.Run),
        ["tabular-mixed"] = (Tabular.MixedTableBenchmark.Description, Tabular.MixedTableBenchmark.Run),
        ["tabular-dp"] = (Tabular.PrivateSynthesisBenchmark.Description, Tabular.PrivateSynthesisBenchmark.Run),
        ["tabular-tabddpm"] = (Tabular.TabDdpmBenchmark.Description, Tabular.TabDdpmBenchmark.Run),
        ["tabular-copula"] = (Tabular.GaussianCopulaBenchmark.Description, Tabular.GaussianCopulaBenchmark.Run),
        ["tabular-suite"] = (Tabular.SuiteBenchmark.Description, Tabular.SuiteBenchmark.Run),
        ["augment-adult"] = (Augmentation.AdultAugmentationBenchmark.Description, Augmentation.AdultAugmentationBenchmark.Run),
        ["augment-fashion"] = (Augmentation.FashionAugmentationBenchmark.Description, Augmentation.FashionAugmentationBenchmark.Run),
    };

    public static int Run(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var benchmark))
        {
            Console.Error.WriteLine("usage: Microsoft.ML.Gan.Benchmarks <name> [args]");
            foreach (var (name, entry) in Benchmarks)
                Console.Error.WriteLine($"  {name,-24} {entry.Description}");
            return args.Length == 0 ? 0 : 2;
        }
        return benchmark.Run(args[1..]);
    }
}
