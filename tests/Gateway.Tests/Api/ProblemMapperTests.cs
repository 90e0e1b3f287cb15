using Microsoft.AspNetCore.Http;
using Orleans.Runtime;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Gateway.Projections;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Errors;

namespace PolicingHub.Gateway.Tests.Api;

public sealed class ProblemMapperTests
{
    public static TheoryData<Exception, int, string> Mappings => new()
    {
        { new DomainValidationException("assignee: must be a party"), 400, "Invalid command" },
        { new ForbiddenException("no"), 403, "Forbidden" },
        { new NotFoundException("gone"), 404, "Not found" },
        { new InvalidTransitionException("not now"), 409, "Invalid transition" },
        { new ConflictException("exists"), 409, "Conflict" },
        { new IdempotencyKeyReusedException("other method"), 409, "Idempotency key reused" },
        { new ConcurrencyConflictException("task/T-1 changed meanwhile"), 409, "Conflict" },
        { new TimeoutException("late"), 504, "Grain call timed out" },
        { new StoreFailedException("the log refused the append", outcomeUnknown: false), 503, "Store unavailable" },
        { new StoreFailedException("the commit was cut", outcomeUnknown: true), 504, "Outcome unknown" },
        { new ReadModelsBehindException(10, 12), 503, "Read models are catching up" },
        { new DriverError(transient: true), 503, "Store unavailable" },
        { new SiloUnavailableException("silo gone"), 503, "Service unavailable" },
        { new OrleansException("Current directory at S1 is not stable to perform the lookup. Retry later."), 503, "Service unavailable" },
        { new BadHttpRequestException("big", 413), 413, "Payload too large" },
        { new BadHttpRequestException("bad"), 400, "Bad request" },
        { new MalformedBodyException("{"), 400, "Malformed request body" },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public void Each_known_error_maps_to_one_status_and_title(Exception error, int status, string title)
    {
        var problem = ProblemMapper.From(error)!;

        Assert.Equal((status, title), (problem.Status, problem.Title));
        Assert.Equal($"{status} {title}", ProblemMapper.Outcome(error));
    }

    [Fact]
    public void A_domain_validation_message_names_its_field()
    {
        var problem = ProblemMapper.From(new DomainValidationException("assignee: JP-NPA is not a party"))!;

        Assert.Equal(["JP-NPA is not a party"], problem.Errors!["assignee"]);
    }

    [Fact]
    public void An_unexpected_error_has_no_problem_and_is_audited_as_a_500()
    {
        Assert.Null(ProblemMapper.From(new InvalidOperationException("secret detail")));
        Assert.Null(ProblemMapper.From(new DriverError(transient: false))); // a store error its driver does not call transient (bad SQL, a broken row)
        Assert.Equal("500 Internal Server Error", ProblemMapper.Outcome(new InvalidOperationException("secret detail")));
    }
}
