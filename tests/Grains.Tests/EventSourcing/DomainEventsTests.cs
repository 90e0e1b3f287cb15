using PolicingHub.Grains.EventSourcing;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tasks.Events;

namespace PolicingHub.Grains.Tests.EventSourcing;

/// <summary>The stable names and JSON the log stores (no silo): renaming one would orphan every stored event of that type.</summary>
public sealed class DomainEventsTests
{
    [Fact]
    public void Every_event_of_the_domain_has_its_stable_name()
    {
        Assert.Equal(
            [
                "agency.registered", "agency.status-changed", "agreement.drafted", "agreement.signed", "agreement.status-changed",
                "audit.command-refused", "audit.sealed", "command.accepted", "commitment.added", "commitment.fulfilled", "commitment.overdue",
                "commitment.progress-reported", "commitment.waived", "security.agency-tokens-revoked", "security.token-revoked", "task.accepted", "task.acknowledged", "task.assigned", "task.cancelled",
                "task.completed", "task.declined", "task.escalated", "task.reassigned", "task.update-posted",
            ],
            DomainEvents.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_event_is_stored_as_camel_case_json_with_enums_by_name_and_reads_back_equal()
    {
        var at = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        var reassigned = new TaskReassigned(TaskId.Parse("T-1"), AgreementId.Parse("MOU-KR-JP-2026"), AgencyCode.Parse("JP-NPA"), AgencyCode.Parse("CA-RCMP"),
            "suspect moved to Canada", HandlingCode.Amber, at.AddHours(8), at.AddDays(7), at);

        var stored = DomainEvents.Encode(reassigned);

        Assert.Equal("task.reassigned", stored.Type);
        Assert.Equal(
            """{"task":"T-1","agreement":"MOU-KR-JP-2026","from":"JP-NPA","to":"CA-RCMP","reason":"suspect moved to Canada","handling":"Amber","acknowledgeBy":"2026-11-22T17:00:00+00:00","deadline":"2026-11-29T09:00:00+00:00","at":"2026-11-22T09:00:00+00:00"}""",
            stored.Data.GetRawText());
        Assert.Equal(reassigned, DomainEvents.Decode(new EventLog.EventEnvelope(1, "task/T-1", 1, stored.Type, at, stored.Data)));
    }

    [Fact]
    public void An_event_type_this_build_does_not_know_is_skipped_by_the_fold()
    {
        var unknown = new EventLog.EventEnvelope(1, "task/T-1", 1, "task.teleported", DateTimeOffset.UnixEpoch, DomainEvents.ToJson(new { to = "Mars" }));

        Assert.Null(DomainEvents.Decode(unknown));
    }

    [Fact]
    public void The_fingerprint_tells_commands_apart_by_method_and_content()
    {
        var cancel = new CancelTask(new Actor("coord-kim", ActorRole.Coordinator, null), "withdrawn");

        Assert.Equal(DomainEvents.Fingerprint("Cancel", cancel), DomainEvents.Fingerprint("Cancel", cancel with { }));
        Assert.NotEqual(DomainEvents.Fingerprint("Cancel", cancel), DomainEvents.Fingerprint("Cancel", cancel with { Reason = "other" }));
        Assert.NotEqual(DomainEvents.Fingerprint("Cancel", cancel), DomainEvents.Fingerprint("Decline", cancel));
    }

    [Fact]
    public void The_fingerprint_is_the_SHA256_of_the_method_a_newline_and_the_commands_JSON_so_keys_recorded_earlier_still_match()
    {
        var cancel = new CancelTask(new Actor("coord-kim", ActorRole.Coordinator, null), "withdrawn");
        var json = System.Text.Json.JsonSerializer.Serialize(cancel, DomainEvents.Json);

        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("Cancel\n" + json))),
            DomainEvents.Fingerprint("Cancel", cancel));
    }
}
