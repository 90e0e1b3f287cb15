using PolicingHub.EventLog;
using PolicingHub.Gateway.Feed;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Model;
using static PolicingHub.Gateway.Tests.Support.SampleEvents;

namespace PolicingHub.Gateway.Tests.Feed;

public sealed class EntitlementIndexTests
{
    private const string Hub = "KR-KNPA";
    private const string Npa = "JP-NPA";
    private const string Rcmp = "CA-RCMP";
    private const string Fbi = "US-FBI";

    private readonly ScriptedEventLog _log = new(TimeProvider.System);
    private readonly EntitlementIndex _index = new();

    /// <summary>Commits the event to the log and applies the envelope the log returns, as the feed's pump does.</summary>
    private async Task<EventEnvelope> Apply(SampleEvent sample)
    {
        var envelope = await _log.AppendAsync(sample);
        _index.Apply(envelope);
        return envelope;
    }

    /// <summary>Who receives the event as of the index's current state (live right after applying it; a replay later).</summary>
    private static string[] Audience(EntitlementIndex index, EventEnvelope envelope)
    {
        Actor[] everyone = [Partner(Hub), Partner(Npa), Partner(Rcmp), Partner(Fbi), Coordinator, Operator];
        return [.. everyone.Where(a => index.Delivers(a, envelope)).Select(a => a.Agency ?? a.Role.ToString())];
    }

    [Fact]
    public async Task A_partner_sees_its_own_agency_stream_and_no_other_agencys()
    {
        var registered = await Apply(AgencyRegistered(Npa));
        var status = await Apply(AgencyStatusChanged(Npa, 1));

        Assert.Equal([Npa, "Coordinator"], Audience(_index, registered));
        Assert.Equal([Npa, "Coordinator", "Operator"], Audience(_index, status));
    }

    [Fact]
    public async Task Agreement_and_commitment_events_reach_the_parties_and_coordinators_only()
    {
        var drafted = await Apply(AgreementDrafted("MOU-KR-JP", Hub, Npa));
        var signed = await Apply(AgreementSigned("MOU-KR-JP"));
        var commitment = await Apply(CommitmentAdded("MOU-KR-JP", Npa));
        var overdue = await Apply(CommitmentOverdue("MOU-KR-JP", Npa));
        var fulfilled = await Apply(CommitmentFulfilled("MOU-KR-JP", 1, At.AddDays(31), onTime: false));

        foreach (var envelope in new[] { drafted, signed, commitment, overdue, fulfilled })
        {
            Assert.Equal([Hub, Npa, "Coordinator"], Audience(_index, envelope));
        }
    }

    [Fact]
    public async Task An_agreement_the_index_never_saw_drafted_reaches_coordinators_only()
    {
        var signed = await Apply(AgreementSigned("MOU-UNKNOWN"));

        Assert.Equal(["Coordinator"], Audience(_index, signed));
    }

    [Theory]
    [InlineData(HandlingCode.Red)]
    [InlineData(HandlingCode.AmberStrict)]
    [InlineData(HandlingCode.Amber)]
    public async Task An_amber_or_stricter_task_reaches_its_assignee_and_coordinators_but_not_the_other_parties(HandlingCode handling)
    {
        await Apply(AgreementDrafted("MOU-KR-JP", Hub, Npa));
        var assigned = await Apply(TaskAssigned("T-1", "MOU-KR-JP", Hub, Npa, handling));
        var acknowledged = await Apply(TaskAcknowledged("T-1", Npa));

        Assert.Equal([Npa, "Coordinator"], Audience(_index, assigned));
        Assert.Equal([Npa, "Coordinator"], Audience(_index, acknowledged));
    }

    [Theory]
    [InlineData(HandlingCode.Green)]
    [InlineData(HandlingCode.Clear)]
    public async Task A_green_or_clear_task_reaches_every_party_of_its_agreement_but_no_outsider(HandlingCode handling)
    {
        await Apply(AgreementDrafted("MOU-KR-JP", Hub, Npa));
        var assigned = await Apply(TaskAssigned("T-1", "MOU-KR-JP", Hub, Npa, handling));

        Assert.Equal([Hub, Npa, "Coordinator"], Audience(_index, assigned));
    }

    [Fact]
    public async Task After_a_red_task_is_reassigned_its_earlier_events_reach_neither_the_previous_assignee_nor_the_new_one()
    {
        await Apply(AgreementDrafted("MOU-3", Hub, Npa, Rcmp));
        var assigned = await Apply(TaskAssigned("T-1", "MOU-3", Hub, Npa, HandlingCode.Red));
        var acknowledged = await Apply(TaskAcknowledged("T-1", Npa));
        Assert.Equal([Npa, "Coordinator"], Audience(_index, assigned));

        var reassigned = await Apply(TaskReassigned("T-1", "MOU-3", Npa, Rcmp, HandlingCode.Red));

        Assert.Equal(["Coordinator"], Audience(_index, assigned));
        Assert.Equal(["Coordinator"], Audience(_index, acknowledged));
        Assert.Equal([Npa, Rcmp, "Coordinator"], Audience(_index, reassigned));
    }

    [Fact]
    public async Task A_reassignment_reaches_the_agency_it_was_taken_from_live_and_replayed_but_later_events_do_not()
    {
        await Apply(AgreementDrafted("MOU-3", Hub, Npa, Rcmp));
        await Apply(TaskAssigned("T-1", "MOU-3", Hub, Npa, HandlingCode.Red));
        var reassigned = await Apply(TaskReassigned("T-1", "MOU-3", Npa, Rcmp, HandlingCode.Red));
        var update = await Apply(TaskUpdatePosted("T-1", Rcmp));

        Assert.Equal([Npa, Rcmp, "Coordinator"], Audience(_index, reassigned));
        Assert.Equal([Rcmp, "Coordinator"], Audience(_index, update));
    }

    [Fact]
    public async Task Reassigning_can_also_change_the_handling_code()
    {
        await Apply(AgreementDrafted("MOU-3", Hub, Npa, Rcmp));
        var assigned = await Apply(TaskAssigned("T-1", "MOU-3", Hub, Npa, HandlingCode.Green));
        Assert.Equal([Hub, Npa, Rcmp, "Coordinator"], Audience(_index, assigned));

        await Apply(TaskReassigned("T-1", "MOU-3", Npa, Rcmp, HandlingCode.Red));

        // Rcmp was entitled then (a party of a GREEN task) and is now (the assignee); Hub and Npa no longer are.
        Assert.Equal([Rcmp, "Coordinator"], Audience(_index, assigned));
    }

    [Fact]
    public async Task Operators_get_agency_presence_only_never_registrations_with_contacts_nor_case_content()
    {
        var registered = await Apply(AgencyRegistered(Fbi));
        var presence = await Apply(AgencyStatusChanged(Fbi, 2));
        var drafted = await Apply(AgreementDrafted("MOU-KR-US", Hub, Fbi));
        var assigned = await Apply(TaskAssigned("T-9", "MOU-KR-US", Hub, Fbi, HandlingCode.Clear));

        Assert.False(_index.Delivers(Operator, registered));
        Assert.True(_index.Delivers(Operator, presence));
        Assert.False(_index.Delivers(Operator, drafted));
        Assert.False(_index.Delivers(Operator, assigned));
    }

    [Fact]
    public async Task Refusals_and_audit_seals_reach_nobody_not_even_coordinators()
    {
        var refusal = await Apply(CommandRefused(Partner(Npa)));
        var seal = await Apply(AuditSealed(1));

        Assert.Empty(Audience(_index, refusal));
        Assert.Empty(Audience(_index, seal));
    }

    [Fact]
    public async Task Token_revocations_and_their_command_records_reach_nobody_not_even_the_revoked_agency_or_coordinators()
    {
        var token = await Apply(TokenRevoked("0123456789abcdef0123456789abcdef"));
        var agency = await Apply(AgencyTokensRevoked(Npa));
        var revokedBy = await Apply(CommandAccepted("security/tokens", Coordinator));

        Assert.Empty(Audience(_index, token));
        Assert.Empty(Audience(_index, agency));
        Assert.Empty(Audience(_index, revokedBy));
    }

    [Fact]
    public async Task A_commands_accepted_record_reaches_nobody_on_any_stream_while_the_events_beside_it_reach_their_audience()
    {
        var registered = await Apply(AgencyRegistered(Npa));
        var registeredBy = await Apply(CommandAccepted($"agency/{Npa}", Coordinator));
        await Apply(AgreementDrafted("MOU-KR-JP", Hub, Npa));
        var draftedBy = await Apply(CommandAccepted("agreement/MOU-KR-JP", Coordinator));
        var assigned = await Apply(TaskAssigned("T-1", "MOU-KR-JP", Hub, Npa, HandlingCode.Clear));
        var acknowledgedBy = await Apply(CommandAccepted("task/T-1", Partner(Npa)));

        Assert.Equal([Npa, "Coordinator"], Audience(_index, registered));
        Assert.Equal([Hub, Npa, "Coordinator"], Audience(_index, assigned));
        Assert.Empty(Audience(_index, registeredBy));
        Assert.Empty(Audience(_index, draftedBy));
        Assert.Empty(Audience(_index, acknowledgedBy));
    }

    [Fact]
    public async Task An_agreement_status_change_reaches_the_parties_it_names_and_coordinators_only()
    {
        await Apply(AgreementDrafted("MOU-3", Hub, Npa));
        var suspended = await Apply(AgreementStatusChanged("MOU-3", AgreementStatus.Active, AgreementStatus.Suspended, Hub, Npa));

        Assert.Equal([Hub, Npa, "Coordinator"], Audience(_index, suspended));
    }

    [Fact]
    public async Task A_task_event_for_a_task_never_assigned_reaches_coordinators_only()
    {
        var orphan = await Apply(TaskAcknowledged("T-404", Npa));

        Assert.Equal(["Coordinator"], Audience(_index, orphan));
    }

    [Fact]
    public async Task A_partner_token_without_an_agency_sees_nothing()
    {
        var nobody = new Actor("liaison", ActorRole.Partner, null);
        var registered = await Apply(AgencyRegistered(Npa));
        var drafted = await Apply(AgreementDrafted("MOU-KR-JP", Hub, Npa));
        var assigned = await Apply(TaskAssigned("T-1", "MOU-KR-JP", Hub, Npa, HandlingCode.Clear));

        Assert.False(_index.Delivers(nobody, registered));
        Assert.False(_index.Delivers(nobody, drafted));
        Assert.False(_index.Delivers(nobody, assigned));
    }

    [Theory]
    [InlineData("Green", HandlingCode.Green)]
    [InlineData("AmberStrict", HandlingCode.AmberStrict)]
    [InlineData("AMBER+STRICT", HandlingCode.AmberStrict)]
    [InlineData("amber-strict", HandlingCode.AmberStrict)]
    [InlineData("CLEAR", HandlingCode.Clear)]
    [InlineData("purple", HandlingCode.Red)]
    [InlineData("3", HandlingCode.Red)]
    [InlineData(null, HandlingCode.Red)]
    public void Handling_codes_are_read_in_any_tlp_spelling_and_an_unknown_one_counts_as_red(string? text, HandlingCode expected)
    {
        Assert.Equal(expected, EntitlementIndex.ParseHandling(text));
    }
}
