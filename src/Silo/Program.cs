using PolicingHub.EventLog.Orleans;
using PolicingHub.Silo.Cli;
using PolicingHub.Silo.Hosting;
using PolicingHub.Silo.Hosting.Profiles;

if (TokenCommand.IsInvoked(args))
{
    return TokenCommand.Run(args[1..], TokenCommand.LoadConfiguration(), Console.Out, Console.Error);
}
if (ClusterInitCommand.IsInvoked(args))
{
    return await ClusterInitCommand.RunAsync(args[2..], TokenCommand.LoadConfiguration(), Console.Out, Console.Error);
}
if (ClusterCommand.IsInvoked(args))
{
    return await ClusterCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

WebApplication app;
try
{
    app = SiloHost.Build(args);
}
catch (DataFolderInUseException refused)
{
    Console.Error.WriteLine(refused.Message); // a second silo on the same embedded data folder: one line, no stack trace
    return 3;
}
catch (SiloConfigurationException invalid)
{
    Console.Error.WriteLine(invalid.Message); // every bad setting on one line, before anything started
    return 2;
}
await app.StartAsync();
SiloHost.PrintFirstStartToken(app, Console.Out);
await app.WaitForShutdownAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
