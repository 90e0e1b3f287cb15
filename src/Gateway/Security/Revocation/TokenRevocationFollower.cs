using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicingHub.EventLog;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Security;
using PolicingHub.Grains.Security.Events;

namespace PolicingHub.Gateway.Security.Revocation;

/// <summary>
/// Follows the log's "security/tokens" stream into <see cref="TokenRevocations"/>: reads it whole on start (then the
/// list is ready), and after that whenever the log's doorbell rings and on a slow tick, from the last sequence read.
/// Every silo runs one, so a revocation committed through any silo reaches all of them, and survives restarts.
/// </summary>
internal sealed class TokenRevocationFollower(
    IEventLog log,
    IEventLogDoorbell doorbell,
    TokenRevocations revocations,
    IOptions<AuthOptions> auth,
    TimeProvider time,
    ILogger<TokenRevocationFollower> logger) : BackgroundService
{
    private const int PageSize = 500;
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <summary>Revoked jtis are kept this long past the token's longest life (clock skew between silos).</summary>
    private static readonly TimeSpan ForgetMargin = TimeSpan.FromMinutes(5);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _sequence;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var subscription = doorbell.Subscribe(_ => _wake.Writer.TryWrite(true));
        using var tick = time.CreateTimer(static state => ((Channel<bool>)state!).Writer.TryWrite(true), _wake, Tick, Tick);
        _wake.Writer.TryWrite(true);
        try
        {
            while (await _wake.Reader.WaitToReadAsync(stoppingToken))
            {
                _wake.Reader.TryRead(out _);
                try
                {
                    await ReadAsync(stoppingToken);
                    if (!revocations.Ready.IsCompleted)
                    {
                        revocations.MarkReady();
                        SecurityLog.RevocationsLoaded(logger, revocations.RevokedTokenCount, _sequence);
                    }
                    revocations.Forget(time.GetUtcNow() - auth.Value.MaxTokenLifetime - ForgetMargin);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    SecurityLog.RevocationReadFailed(logger, _sequence, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await log.ReadStreamAsync(ITokenRevocationGrain.Stream, _sequence, PageSize, cancellationToken);
            foreach (var envelope in page)
            {
                switch (DomainEvents.Decode(envelope))
                {
                    case TokenRevoked e:
                        revocations.Apply(new TokenRevocation(e.TokenId, null, e.RevokedAt));
                        break;
                    case AgencyTokensRevoked e:
                        revocations.Apply(new TokenRevocation(null, e.Agency, e.IssuedBefore));
                        break;
                }
                _sequence = envelope.Sequence;
            }
            if (page.Count < PageSize)
            {
                return;
            }
        }
    }
}
