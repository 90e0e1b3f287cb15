namespace PolicingHub.Gateway.Benchmarks;

/// <summary>
/// dotnet run -c Release --project bench/Gateway.Benchmarks -- [--store sqlite|inmemory|both|cluster] [--postgres CONNECTION] [--sides plaintext,assign,grain] [--concurrency 64] [--seconds 5]
///   [--rounds 3] [--warmup-seconds 2] [--profile]
/// </summary>
/// <remarks>Not top-level statements: those would declare a global <c>Program</c> hiding the silo's, which this bench runs.</remarks>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return await S6Scenario.RunAsync(Settings.Parse(args));
        }
        catch (ArgumentException bad)
        {
            Console.Error.WriteLine(bad.Message);
            Console.Error.WriteLine("usage: -- [--store sqlite|inmemory|both|cluster] [--postgres CONNECTION] [--sides plaintext,assign,grain] [--concurrency 64] [--seconds 5] [--rounds 3] [--warmup-seconds 2] [--profile]");
            return 2;
        }
    }
}
