namespace Microsoft.ML.Gan.Augmentation;

/// <summary>How many synthetic rows of which label (null: unconditioned) a strategy asks for, after the cap.</summary>
internal static class SyntheticRowPlan
{
    public static IReadOnlyList<(object? Label, long Count)> Create(GanAugmentationOptions options, long realRows,
        IReadOnlyList<(object Label, long Count)> classes)
    {
        (object? Label, long Count)[] plan = options.Strategy switch
        {
            AugmentationStrategy.BalanceClasses => [.. classes.Select(c => ((object?)c.Label, classes.Max(m => m.Count) - c.Count))],
            AugmentationStrategy.ClassRatio => [.. classes.Select(c => ((object?)c.Label, (long)Math.Round(options.Ratio * c.Count)))],
            _ => [(null, (long)Math.Round(options.Fraction * realRows))],
        };
        long total = plan.Sum(p => p.Count);
        if (options.MaxSyntheticRows is { } cap && total > cap)
        {
            double scale = (double)cap / total;
            plan = [.. plan.Select(p => (p.Label, (long)Math.Floor(p.Count * scale)))];
        }
        return [.. plan.Where(p => p.Count > 0)];
    }
}
