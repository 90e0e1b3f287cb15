using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolicingHub.Benchmarks.Common;

namespace PolicingHub.Benchmarks.S2;

/// <summary>
/// The two sides of S2, each a function "send one payload, get it back": grain calls from silo A to echo grains
/// activated on silo B (two Orleans silos in this process, localhost clustering, silo-to-silo TCP over 127.0.0.1), and
/// POSTs to a Kestrel HTTP/2 (h2c, prior knowledge) echo endpoint on 127.0.0.1 through one HttpClient.
/// </summary>
internal sealed class S2Sides : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];
    private HttpClient? _http;
    private IGrainFactory? _siloA;

    public static async Task<S2Sides> StartAsync(int grains)
    {
        var sides = new S2Sides();
        var primary = Machine.FreePort();
        var siloB = await sides.StartSiloAsync(primary, primary);
        sides._siloA = await sides.StartSiloAsync(Machine.FreePort(), primary);
        // Activate every echo grain from silo B: PreferLocalPlacement keeps them there, so A's calls cross the wire.
        await Task.WhenAll(Enumerable.Range(0, grains).Select(i => siloB.GetGrain<IEchoGrain>(i).Echo([])));
        await sides.StartHttpAsync();
        return sides;
    }

    public Func<byte[], Task<byte[]>> Grain(int key)
    {
        var grain = _siloA!.GetGrain<IEchoGrain>(key);
        return grain.Echo;
    }

    public async Task<byte[]> Http(byte[] payload)
    {
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await _http!.PostAsync("/echo", content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    private async Task<IGrainFactory> StartSiloAsync(int siloPort, int primaryPort)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error); // the watchdog's CPU-starvation warnings on a busy machine would drown the report
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, Machine.FreePort(), new IPEndPoint(IPAddress.Loopback, primaryPort),
            "s2-bench", "s2-bench"));
        var host = builder.Build();
        await host.StartAsync();
        _hosts.Add(host);
        return host.Services.GetRequiredService<IGrainFactory>();
    }

    private async Task StartHttpAsync()
    {
        var port = Machine.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.MapPost("/echo", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            return Results.Bytes(buffer.ToArray(), "application/octet-stream");
        });
        await app.StartAsync();
        _hosts.Add(app);
        _http = new HttpClient(new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }
}
