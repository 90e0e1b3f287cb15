using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.EventSourcing;
using PolicingHub.Gateway.Tests.Support;

namespace PolicingHub.Gateway.Tests.Api;

/// <summary>
/// Which failures the gateway retries with the command's idempotency key (the multi-silo tests show it end to end;
/// these pin the rule): errors of the Orleans runtime are transient, domain refusals are answers.
/// </summary>
public sealed class CommandRetriesTests
{
    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    private static CommandRetries Retries(TimeSpan budget) => new(
        Options.Create(new CommandRetryOptions { FirstBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(1), RetryBudget = budget }),
        TimeProvider.System, Meters, NullLogger<CommandRetries>.Instance);

    [Fact]
    public async Task The_grain_directory_settling_after_a_membership_change_is_retried_with_the_same_key_until_the_command_gets_through()
    {
        var keys = new List<string?>();
        var result = await Retries(TimeSpan.FromSeconds(30)).Send("grain", "subject\nkey-1", _ =>
        {
            keys.Add(IdempotencyKey.Current);
            return keys.Count < 3
                ? Task.FromException<int>(new OrleansException("Current directory at S127.0.0.1:11111:1 is not stable to perform the lookup. Retry later."))
                : Task.FromResult(42);
        });

        Assert.Equal(42, result);
        Assert.Equal(["subject\nkey-1", "subject\nkey-1", "subject\nkey-1"], keys);
    }

    [Fact]
    public async Task A_store_error_its_driver_calls_transient_is_retried()
    {
        var attempts = 0;
        var result = await Retries(TimeSpan.FromSeconds(30)).Send("grain", "k", _ =>
            ++attempts < 2 ? Task.FromException<int>(new DriverError(transient: true)) : Task.FromResult(7));

        Assert.Equal((7, 2), (result, attempts));
    }

    [Fact]
    public async Task A_domain_refusal_is_the_answer_and_is_not_sent_again()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidTransitionException>(() => Retries(TimeSpan.FromSeconds(30)).Send("grain", "k", _ =>
        {
            attempts++;
            return Task.FromException<int>(new InvalidTransitionException("already closed"));
        }));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task When_the_budget_is_spent_the_last_runtime_error_goes_back_and_maps_to_503()
    {
        var attempts = 0;

        var error = await Assert.ThrowsAsync<OrleansException>(() => Retries(TimeSpan.Zero).Send("grain", "k", _ =>
        {
            attempts++;
            return Task.FromException<int>(new OrleansException("not stable"));
        }));
        Assert.Equal(1, attempts);
        Assert.Equal(503, ProblemMapper.From(error)!.Status);
    }
}
