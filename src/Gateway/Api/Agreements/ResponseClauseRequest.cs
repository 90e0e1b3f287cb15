using PolicingHub.Gateway.Api.Http;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Agreements;

/// <summary>A response clause; durations are ISO 8601 ("PT8H", "P3D") or "hh:mm:ss" / "d.hh:mm:ss".</summary>
public sealed record ResponseClauseRequest(string? Area, string? Priority, string? AcknowledgeWithin, string? AnswerWithin)
{
    internal ResponseClause Read(FieldErrors errors, string field) => new(
        errors.Enum<CooperationArea>($"{field}.area", Area),
        errors.Enum<Priority>($"{field}.priority", Priority),
        errors.Duration($"{field}.acknowledgeWithin", AcknowledgeWithin),
        errors.Duration($"{field}.answerWithin", AnswerWithin));
}
