namespace PolicingHub.Gateway.Benchmarks;

/// <summary>
/// dotnet run -c Release --project bench/Gateway.Benchmarks -- [--store sqlite|memory|both] [--concurrency 64] [--rounds 3]
///   [--plaintext 20000] [--assigns 5000] [--warmup-plaintext 5000] [--warmup-assigns 500] [--seconds 30]
/// </summary>
/// <remarks>Not top-level statements: those would declare a global <c>Program</c> hiding the silo's, which the factory hosts.</remarks>
public static class BenchMain
{
    public static Task<int> Main(string[] args) => S6Scenario.RunAsync(args);
}
