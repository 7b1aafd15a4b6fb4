using System.Globalization;

namespace Microsoft.ML.Gan.Benchmarks.Tabular;

/// <summary>The command line of <c>tabular-suite</c>: which tables, synthesizers and seeds, and the training budget.</summary>
internal sealed record SuiteArguments
{
    /// <summary>Not fitted here: scores the Python CTGAN's synthetic tables found under <see cref="PeerDirectory"/>.</summary>
    public const string PythonCtgan = "python-ctgan";

    /// <summary>CTGAN with the table's target as <c>LabelColumn</c> (target-aware: an auxiliary classifier, or regressor on regression tables).</summary>
    public const string TargetAwareCtgan = "ctgan-label";

    /// <summary>TVAE with the table's target as <c>LabelColumn</c> (a conditional VAE on classification tables; the auxiliary predictor on every table).</summary>
    public const string TargetAwareTvae = "tvae-label";

    /// <summary>TabDDPM without a label on every table (what <c>mlgan fit</c> trains without <c>--target</c>).</summary>
    public const string UnconditionedTabDdpm = "tabddpm-nolabel";

    public static readonly string[] KnownSynthesizers = ["ctgan", TargetAwareCtgan, "tvae", TargetAwareTvae, "tabddpm", UnconditionedTabDdpm, "gaussiancopula", PythonCtgan];

    public string DataDirectory { get; init; } = Path.Combine("benchmarks", "suite", "data");
    public string OutputDirectory { get; init; } = Path.Combine("benchmarks", "suite", "results");
    public IReadOnlyList<SuiteTable> Tables { get; init; } = SuiteTable.All;
    public IReadOnlyList<string> Synthesizers { get; init; } = ["ctgan", "tvae", "tabddpm", "gaussiancopula"];
    public IReadOnlyList<int> Seeds { get; init; } = [1, 2, 3];
    /// <summary>CTGAN and TVAE epochs.</summary>
    public int Epochs { get; init; } = 300;
    /// <summary>CTGAN's and TVAE's floor of steps under <see cref="Epochs"/> (CtganOptions' default length), or null to train exactly <see cref="Epochs"/>.</summary>
    public int? MinimumSteps { get; init; }
    /// <summary>Whether CTGAN samples from the generator's moving average (its default) or from its last weights (<c>--no-ema</c>).</summary>
    public bool GeneratorEma { get; init; } = true;
    /// <summary>TabDDPM optimizer steps.</summary>
    public int Steps { get; init; } = 5000;
    /// <summary>TabDDPM sampling steps (the fast sampler); 0 for the paper's every-step sampler.</summary>
    public int SamplingSteps { get; init; } = 50;
    public int Threads { get; init; } = 1;
    /// <summary>Trees of the FastTree models of the efficacy check.</summary>
    public int Trees { get; init; } = 100;
    /// <summary>Folder of the Python CTGAN's synthetic tables ({table}/seed{k}.csv), or null.</summary>
    public string? PeerDirectory { get; init; }

    public static SuiteArguments Parse(string[] args)
    {
        var a = new SuiteArguments();
        for (int i = 0; i < args.Length; i++)
        {
            string flag = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{flag} needs a value.");
            int Number(int minimum)
            {
                string text = Value();
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= minimum
                    ? n : throw new ArgumentException($"{flag}: '{text}' is not a whole number ≥ {minimum}.");
            }
            string[] List() => Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            a = flag switch
            {
                "--data" => a with { DataDirectory = Value() },
                "--out" => a with { OutputDirectory = Value() },
                "--tables" => a with { Tables = List() is var names && names is ["all"] ? SuiteTable.All : [.. names.Select(SuiteTable.Named)] },
                "--synthesizers" => a with { Synthesizers = [.. List().Select(Synthesizer)] },
                "--seeds" => a with { Seeds = [.. List().Select(s => int.TryParse(s, CultureInfo.InvariantCulture, out int n) ? n : throw new ArgumentException($"--seeds: '{s}' is not a whole number."))] },
                "--epochs" => a with { Epochs = Number(1) },
                "--steps" => a with { Steps = Number(1) },
                "--min-steps" => a with { MinimumSteps = Number(0) },
                "--no-ema" => a with { GeneratorEma = false },
                "--sampling-steps" => a with { SamplingSteps = Number(0) },
                "--threads" => a with { Threads = Number(1) },
                "--trees" => a with { Trees = Number(1) },
                "--peer" => a with { PeerDirectory = Value() },
                _ => throw new ArgumentException($"unknown argument '{flag}'."),
            };
        }
        if (a.Tables.Count == 0 || a.Synthesizers.Count == 0 || a.Seeds.Count == 0)
            throw new ArgumentException("--tables, --synthesizers and --seeds must each name at least one.");
        return a;
    }

    private static string Synthesizer(string name) =>
        KnownSynthesizers.FirstOrDefault(s => s.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"--synthesizers: unknown synthesizer '{name}'; choose from {string.Join(", ", KnownSynthesizers)}.");

    /// <summary>The budget in words, for the report.</summary>
    public string Budget => string.Create(CultureInfo.InvariantCulture,
        $"CTGAN/TVAE {Epochs} epochs{(MinimumSteps is int floor ? $" (at least {floor} steps)" : "")}{(GeneratorEma ? "" : ", CTGAN without EMA")}; TabDDPM {Steps} steps, {(SamplingSteps == 0 ? "every-step" : $"{SamplingSteps}-step")} sampler; " +
        $"seeds {string.Join(", ", Seeds)}; torch threads {Threads}; FastTree {Trees} trees");
}
