using System.Globalization;
using PolicingHub.Benchmarks.Feed;
using PolicingHub.Benchmarks.Feed.Bare;
using PolicingHub.Benchmarks.Feed.Worker;

// dotnet run -c Release --project bench/Feed.Benchmarks -- s3 --consoles 1000,5000   (see bench/README.md)
switch (args)
{
    case ["worker", var plan, var slowMs]:
        return await ConsoleWorker.RunAsync(plan, int.Parse(slowMs, CultureInfo.InvariantCulture));
    case ["bare", var port]:
        return await BareServer.RunAsync(int.Parse(port, CultureInfo.InvariantCulture));
    case ["s3", .. var rest]:
        var options = S3Options.Parse(rest, out var problem);
        if (options is null)
        {
            Console.Error.WriteLine(problem);
            return 2;
        }
        return await S3Scenario.RunAsync(options);
    default:
        Console.Error.WriteLine("""
            usage: dotnet run -c Release --project bench/Feed.Benchmarks -- s3 [--consoles 1000[,5000]] [--coordinators 2]
                     [--per-agency 40] [--per-worker 1000] [--slow 5] [--slow-ms -1] [--rate 20] [--seconds 15] [--window 5]
                     [--warmup 20] [--sides hub,bare]
              s3  change → every entitled console: the real silo's console hub against a bare SignalR hub broadcasting the
                  same payloads from IHubContext, with the same consoles (real .NET clients, WebSockets, in client processes
                  of --per-worker consoles); --coordinators is the percentage of coordinator consoles, the others are
                  partners of agencies of at most --per-agency consoles; after --warmup seconds of commands (not
                  reported), --rate commands per second for --seconds, then the same again with --slow slow coordinator
                  consoles (--slow-ms per event; -1: they stop reading until the round ends)
            """);
        return 2;
}
