using PolicingHub.Benchmarks.Common;
using PolicingHub.Benchmarks.S1;
using PolicingHub.Benchmarks.S2;
using PolicingHub.Benchmarks.S4;

// dotnet run -c Release --project bench/Orleans.Benchmarks -- s1|s2|s4 [--option value ...]   (see bench/README.md)
var scenario = args.FirstOrDefault();
try
{
    return scenario switch
    {
        "s1" => await S1Scenario.RunAsync(new Args(args[1..])),
        "s2" => await S2Scenario.RunAsync(new Args(args[1..])),
        "s4" => await S4Scenario.RunAsync(new Args(args[1..])),
        _ => Usage(),
    };
}
catch (ArgumentException bad)
{
    Console.Error.WriteLine(bad.Message);
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/Orleans.Benchmarks -- <scenario> [options]
          s1  in-silo grain calls, Orleans default and tuned vs Channel actors
              [--seconds 5] [--rounds 3] [--paced-seconds 5] [--load 0.5[,0.25,...]] [--warmup-seconds 2] [--yield-every 1] [--sides channel,default,tuned,tuned-grain,tuned-silo,tuned-no-yield]
          s2  a grain call across two silos on loopback vs a Kestrel HTTP/2 echo
              [--seconds 5] [--rounds 3] [--callers 32] [--payload 256] [--warmup-seconds 2]
          s4  event appends, the hub's log (group commit) vs one INSERT per transaction, on SQLite or PostgreSQL
              [--store sqlite|postgres] [--seconds 5] [--rounds 3] [--streams 1000] [--appenders 50] [--warmup-seconds 1]
              [--sync full|normal] (SQLite) [--connection "Host=…;Port=…;Username=…"] (PostgreSQL; or POLICINGHUB_BENCH_POSTGRES)
        """);
    return 2;
}
