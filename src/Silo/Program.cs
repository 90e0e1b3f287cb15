using PolicingHub.EventLog.Orleans;
using PolicingHub.Silo.Cli;
using PolicingHub.Silo.Hosting;
using PolicingHub.Silo.Hosting.Profiles;

if (HelpCommand.IsInvoked(args))
{
    Console.Out.Write(HelpCommand.Text + Environment.NewLine);
    return 0;
}
if (TokenRevokeCommand.IsInvoked(args))
{
    return await TokenRevokeCommand.RunAsync(args[2..], Console.Out, Console.Error);
}
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
var urls = SiloHost.ListenUrls(app);
if (PortCheck.FirstBusy(urls) is { } busy)
{
    Console.Error.WriteLine(StartupFailure.PortInUseLine(busy)); // one line, no stack trace
    return StartupFailure.PortInUse;
}
try
{
    await app.StartAsync();
}
catch (Exception error) when (StartupFailure.Describe(error, urls) is { } failure)
{
    Console.Error.WriteLine(failure.Line); // e.g. the port is taken: one line, no stack trace
    await app.StopAsync(TimeSpan.FromSeconds(10));
    return failure.ExitCode;
}
StartBanner.Print(app, Console.Out);
await app.WaitForShutdownAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
