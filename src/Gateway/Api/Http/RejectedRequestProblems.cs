using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>
/// Gives Kestrel's own rejections a ProblemDetails body: a connection middleware on every endpoint (Kestrel's endpoint
/// defaults) wraps the connection's output in a <see cref="RejectedRequestProblemWriter"/>. Kestrel rejects a malformed
/// request line, target or header before any application code runs and offers no hook for the response it then writes
/// (HttpProtocol.TryProduceInvalidRequestResponse is internal); the connection's byte stream is the one public place
/// where that response can still be changed. HTTP/1.x on plain listeners; see the README for HTTPS and HTTP/2.
/// </summary>
internal sealed class RejectedRequestProblems : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options) =>
        options.ConfigureEndpointDefaults(listen => listen.Use(next => connection => WrapAsync(connection, next)));

    private static async Task WrapAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var original = connection.Transport;
        connection.Transport = new Transport(original.Input, new RejectedRequestProblemWriter(original.Output));
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            connection.Transport = original;
        }
    }

    private sealed class Transport(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }
}
