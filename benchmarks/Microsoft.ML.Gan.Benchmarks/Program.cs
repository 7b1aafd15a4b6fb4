// Benchmarks: `dotnet run -c Release --project benchmarks/Microsoft.ML.Gan.Benchmarks -- <name>`.
// Each benchmark prints a Markdown block that is pasted into benchmarks/BENCHMARKS.md.
using Microsoft.ML.Gan.Benchmarks;

return BenchmarkRegistry.Run(args);
