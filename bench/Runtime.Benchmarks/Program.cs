using BenchmarkDotNet.Running;
using PolicingHub.Benchmarks;

// dotnet run -c Release --project bench/Runtime.Benchmarks -- s1 | latency | writes | (BenchmarkDotNet switcher arguments)
return args.FirstOrDefault() switch
{
    "s1" => RunS1(args[1..]),
    "latency" => await LatencyMode.RunAsync(args[1..]),
    "writes" => await WriteScenario.RunAsync(args[1..]),
    _ => RunSwitcher(args),
};

static int RunS1(string[] rest)
{
    var summary = BenchmarkRunner.Run<S1Benchmarks>(args: rest);
    return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
}

static int RunSwitcher(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(S1Benchmarks).Assembly).Run(args);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}
