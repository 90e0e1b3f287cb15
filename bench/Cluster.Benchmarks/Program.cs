using PolicingHub.Benchmarks.Cluster;

// dotnet run -c Release --project bench/Cluster.Benchmarks -- s5 --postgres "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres"   (see bench/README.md)
if (args.Length == 0 || args[0] != "s5")
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/Cluster.Benchmarks -- s5 --postgres CONNECTION [--agencies 6] [--sides tuned,defaults]
          s5  kill -9 one silo under REST load, then every silo of a region: seconds until their agencies are served again,
              lost and user-visible failed commands; Orleans' membership defaults and the tuned options in one run
              (CONNECTION: a PostgreSQL 15 login that may CREATE DATABASE; each side gets a fresh database, dropped after)
        """);
    return 2;
}
var options = args[1..].Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
if (!options.TryGetValue("--postgres", out var postgres))
{
    Console.Error.WriteLine("--postgres CONNECTION is required");
    return 2;
}
var agencies = int.Parse(options.GetValueOrDefault("--agencies", "6"), System.Globalization.CultureInfo.InvariantCulture);
var sides = options.GetValueOrDefault("--sides", "tuned,defaults").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
return await S5Scenario.RunAsync(postgres, agencies, sides);
