using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolicingHub.Contracts.Feed;

namespace PolicingHub.Benchmarks.Feed.Bare;

/// <summary>
/// `bare PORT`: the baseline, a minimal ASP.NET Core app on 127.0.0.1:PORT with <see cref="BareHub"/> and
/// POST /broadcast?groups=a,b,c, whose body (an event envelope as the real hub sends it) goes to those groups through
/// <see cref="IHubContext{THub}"/> as the hub's "event" method — the same JSON on the wire. Answers 204 once SignalR
/// has written it to every connection of the groups. Prints "listening" when ready; stops on end of standard input.
/// </summary>
internal static class BareServer
{
    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        await using var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<BareHub>(BareHub.Path);
        app.MapPost("/broadcast", async (HttpRequest request, IHubContext<BareHub> hub) =>
        {
            var groups = request.Query["groups"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
            using var body = await JsonDocument.ParseAsync(request.Body);
            await hub.Clients.Groups(groups).SendAsync(ConsoleHubProtocol.EventMethod, body.RootElement.Clone());
            return Results.NoContent();
        });
        await app.StartAsync();
        Console.WriteLine("listening");
        while (await Console.In.ReadLineAsync() is { } line && line != "quit")
        {
        }
        await app.StopAsync();
        return 0;
    }
}
