using System.Net;
using PolicingHub.Gateway.Tests.Support;

namespace PolicingHub.Gateway.Tests.Api;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_subject_over_its_rate_gets_429_ProblemDetails_while_another_subject_is_served()
    {
        await using var factory = new GatewayFactory { Settings = { ["PolicingHub:Limits:PermitPerSecond"] = "3" } };
        using var busy = factory.Coordinator("busy");
        using var calm = factory.Coordinator("calm");

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++)
        {
            responses.Add(await busy.GetAsync("/api/agencies"));
        }

        var limited = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        var problem = await limited.ProblemAsync(429);
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync("/api/agencies")).StatusCode);
    }
}
