using PolicingHub.Contracts.Agreements;
using PolicingHub.Gateway.Api.Agreements;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Contracts.Tasks;
using PolicingHub.Gateway.Api.Tasks;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Tests.Api;

public sealed class RequestValidationTests
{
    private static readonly Actor Coordinator = new("c", ActorRole.Coordinator, null);

    [Theory]
    [InlineData("PT8H", 8 * 60)]
    [InlineData("P3D", 3 * 24 * 60)]
    [InlineData("P1DT12H", 36 * 60)]
    [InlineData("08:00:00", 8 * 60)]
    [InlineData("7.00:00:00", 7 * 24 * 60)]
    public void Durations_are_read_as_ISO_8601_or_clock_time(string text, int minutes)
    {
        var errors = new FieldErrors();

        Assert.Equal(TimeSpan.FromMinutes(minutes), errors.Duration("d", text));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("8")]
    [InlineData("eight hours")]
    [InlineData("PT0H")]
    [InlineData("-01:00:00")]
    [InlineData("P")]
    public void Durations_that_are_not_positive_or_not_a_duration_are_field_errors(string text)
    {
        var errors = new FieldErrors();

        errors.Duration("acknowledgeWithin", text);

        Assert.Equal(["acknowledgeWithin"], Assert.Throws<RequestValidationException>(errors.ThrowIfAny).Errors.Keys);
    }

    [Theory]
    [InlineData("urgent", Priority.Urgent)]
    [InlineData("Critical", Priority.Critical)]
    public void Enum_members_are_read_by_name_in_any_case(string text, Priority expected) =>
        Assert.Equal(expected, new FieldErrors().Enum<Priority>("priority", text));

    [Theory]
    [InlineData("1")]
    [InlineData("Routine,Urgent")]
    [InlineData("Hurry")]
    public void Numbers_combinations_and_unknown_names_are_not_enum_members(string text)
    {
        var errors = new FieldErrors();

        errors.Enum<Priority>("priority", text);

        var problem = Assert.Throws<RequestValidationException>(errors.ThrowIfAny);
        Assert.Equal([$"'{text}' is not one of Routine, Urgent, Critical."], problem.Errors["priority"]);
    }

    [Fact]
    public void An_empty_assignment_reports_every_required_field()
    {
        var request = new AssignTaskRequest(null, null, null, null, null, null, null, null, null, null, null);

        var problem = Assert.Throws<RequestValidationException>(() => request.ToCommand(Coordinator));

        Assert.Equal(
            ["agreement", "area", "assignee", "description", "handling", "kind", "priority", "requestingAgency", "title"],
            problem.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bad_ids_in_an_assignment_are_named_by_field()
    {
        var request = new AssignTaskRequest("x", "MOU KR JP", "kr-knpa", "JP-NPA", "InformationRequest", "Cyberspace", "Urgent", "Red", "t", "d", null);

        var problem = Assert.Throws<RequestValidationException>(() => request.ToCommand(Coordinator));

        Assert.Equal(["agreement", "id", "requestingAgency"], problem.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Nested_list_items_are_named_by_index_and_field()
    {
        var request = new DraftAgreementRequest(null, "MOU", ["KR-KNPA", "japan"], ["Cyberspace", "Piracy"],
            [new ResponseClauseRequest("Cyberspace", "Urgent", "PT8H", "soon"), null], null);

        var problem = Assert.Throws<RequestValidationException>(() => request.ToCommand(Coordinator));

        Assert.Equal(["areas[1]", "parties[1]", "responseClauses[0].answerWithin", "responseClauses[1]"],
            problem.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_valid_draft_becomes_the_command_with_the_actor_from_the_token()
    {
        var request = new DraftAgreementRequest("MOU-KR-JP-9", "MOU", ["KR-KNPA", "JP-NPA"], ["Cyberspace"],
            [new ResponseClauseRequest("cyberspace", "urgent", "PT8H", "P3D")], new DateOnly(2030, 1, 1));

        var (id, command) = request.ToCommand(Coordinator);

        Assert.Equal(new AgreementId("MOU-KR-JP-9"), id);
        Assert.Same(Coordinator, command.Actor);
        Assert.Equal(new[] { new AgencyCode("KR-KNPA"), new AgencyCode("JP-NPA") }, command.Parties.ToArray());
        Assert.Equal(TimeSpan.FromHours(8), Assert.Single(command.ResponseClauses).AcknowledgeWithin);
    }

    [Fact]
    public void Generated_ids_are_random_without_a_key_and_stable_per_subject_and_key()
    {
        var now = new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.FromHours(-5));

        Assert.Matches("^T-20261123-[0-9A-F]{16}$", IdGenerator.TaskId(now, "a", null));
        Assert.Matches("^MOU-[0-9A-F]{16}$", IdGenerator.AgreementId("a", null));
        Assert.Equal(IdGenerator.TaskId(now, "a", "k"), IdGenerator.TaskId(now.AddDays(1), "a", "k")); // a retry after midnight
        Assert.Equal(IdGenerator.TaskId(now, "a", "k"), IdGenerator.TaskId(now, "a", "k"));
        Assert.NotEqual(IdGenerator.TaskId(now, "a", "k"), IdGenerator.TaskId(now, "b", "k"));
    }
}
