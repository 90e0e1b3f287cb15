using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicingHub.Gateway.Security;
using PolicingHub.Gateway.Tests.Feed;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Tests.Security;

public sealed class TokenLoggingTests
{
    [Fact]
    public async Task Tokens_sent_in_headers_or_in_the_hub_query_string_never_reach_a_log_even_at_debug_level()
    {
        var captured = new CapturingLoggerProvider();
        await using var baseFactory = new GatewayFactory();
        baseFactory.Settings["Logging:LogLevel:Default"] = "Debug";
        baseFactory.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug"; // an operator turning everything up
        await using var factory = baseFactory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(captured).SetMinimumLevel(LogLevel.Debug)));
        var tokens = factory.Services.GetRequiredService<TokenIssuer>();
        var coordinator = tokens.Issue(ActorRole.Coordinator, null, "log-check-coordinator");
        var partner = tokens.Issue(ActorRole.Partner, "JP-NPA", "log-check-partner");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", coordinator);

        (await client.GetAsync("/api/agencies")).EnsureSuccessStatusCode();
        (await client.PostJsonAsync("/api/agencies", new { code = "JP-NPA", name = "NPA", homeRegion = "ap-northeast", languages = new[] { "ja" } })).EnsureSuccessStatusCode();
        var (console, _) = await ConsoleClient.ConnectAsync(factory.Server, partner);
        await console.DisposeAsync();
        await factory.CreateClient().PostAsync("/hubs/console/negotiate?negotiateVersion=1&access_token=" + partner + "x", null);

        Assert.NotEmpty(captured.Messages);
        Assert.DoesNotContain(captured.Messages, m => m.Contains(coordinator, StringComparison.Ordinal));
        Assert.DoesNotContain(captured.Messages, m => m.Contains(partner, StringComparison.Ordinal));
        Assert.DoesNotContain(captured.Messages, m => m.Contains(partner.Split('.')[2], StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => owner.Messages.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
