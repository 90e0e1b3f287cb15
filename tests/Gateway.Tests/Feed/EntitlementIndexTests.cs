using PolicingHub.Gateway.Feed;
using PolicingHub.Grains.Model;
using PolicingHub.Runtime.Events;
using static PolicingHub.Gateway.Tests.Feed.DomainEvents;

namespace PolicingHub.Gateway.Tests.Feed;

public sealed class EntitlementIndexTests
{
    private const string Hub = "KR-KNPA";
    private const string Npa = "JP-NPA";
    private const string Rcmp = "CA-RCMP";
    private const string Fbi = "US-FBI";

    private readonly DomainEvents _events = new();
    private readonly EntitlementIndex _index = new();

    private EventEnvelope Apply(EventEnvelope envelope)
    {
        _index.Apply(envelope);
        return envelope;
    }

    private static string[] Audience(EntitlementIndex index, EventEnvelope envelope, bool live = false)
    {
        Actor[] everyone = [Partner(Hub), Partner(Npa), Partner(Rcmp), Partner(Fbi), Coordinator, Operator];
        return [.. everyone.Where(a => live ? index.CanSeeLive(a, envelope) : index.CanSee(a, envelope)).Select(a => a.Agency ?? a.Role.ToString())];
    }

    [Fact]
    public void A_partner_sees_its_own_agency_stream_and_no_other_agencys()
    {
        var registered = Apply(_events.AgencyRegistered(Npa));
        var status = Apply(_events.AgencyStatusChanged(Npa, 1));

        Assert.Equal([Npa, "Coordinator", "Operator"], Audience(_index, registered));
        Assert.Equal([Npa, "Coordinator", "Operator"], Audience(_index, status));
    }

    [Fact]
    public void Agreement_commitment_and_scorecard_events_reach_the_parties_and_coordinators_only()
    {
        var drafted = Apply(_events.AgreementDrafted("MOU-KR-JP", Hub, Npa));
        var signed = Apply(_events.AgreementSigned("MOU-KR-JP"));
        var commitment = Apply(_events.CommitmentAdded("MOU-KR-JP", Npa));
        var scorecard = Apply(_events.ScorecardChanged("MOU-KR-JP"));

        foreach (var envelope in new[] { drafted, signed, commitment, scorecard })
        {
            Assert.Equal([Hub, Npa, "Coordinator"], Audience(_index, envelope));
        }
    }

    [Fact]
    public void An_agreement_the_index_never_saw_drafted_reaches_coordinators_only()
    {
        var signed = Apply(_events.AgreementSigned("MOU-UNKNOWN"));

        Assert.Equal(["Coordinator"], Audience(_index, signed));
    }

    [Theory]
    [InlineData(HandlingCode.Red)]
    [InlineData(HandlingCode.AmberStrict)]
    [InlineData(HandlingCode.Amber)]
    public void An_amber_or_stricter_task_reaches_its_assignee_and_coordinators_but_not_the_other_parties(HandlingCode handling)
    {
        Apply(_events.AgreementDrafted("MOU-KR-JP", Hub, Npa));
        var assigned = Apply(_events.TaskAssigned("T-1", "MOU-KR-JP", Hub, Npa, handling));
        var acknowledged = Apply(_events.TaskAcknowledged("T-1", Npa));

        Assert.Equal([Npa, "Coordinator"], Audience(_index, assigned));
        Assert.Equal([Npa, "Coordinator"], Audience(_index, acknowledged));
    }

    [Theory]
    [InlineData(HandlingCode.Green)]
    [InlineData(HandlingCode.Clear)]
    public void A_green_or_clear_task_reaches_every_party_of_its_agreement_but_no_outsider(HandlingCode handling)
    {
        Apply(_events.AgreementDrafted("MOU-KR-JP", Hub, Npa));
        var assigned = Apply(_events.TaskAssigned("T-1", "MOU-KR-JP", Hub, Npa, handling));

        Assert.Equal([Hub, Npa, "Coordinator"], Audience(_index, assigned));
    }

    [Fact]
    public void Reassigning_a_red_task_revokes_the_previous_assignee_for_every_event_of_the_task_even_earlier_ones()
    {
        Apply(_events.AgreementDrafted("MOU-3", Hub, Npa, Rcmp));
        var assigned = Apply(_events.TaskAssigned("T-1", "MOU-3", Hub, Npa, HandlingCode.Red));
        var acknowledged = Apply(_events.TaskAcknowledged("T-1", Npa));
        Assert.Equal([Npa, "Coordinator"], Audience(_index, assigned));

        var reassigned = Apply(_events.TaskReassigned("T-1", "MOU-3", Npa, Rcmp, HandlingCode.Red));

        Assert.Equal([Rcmp, "Coordinator"], Audience(_index, assigned));
        Assert.Equal([Rcmp, "Coordinator"], Audience(_index, acknowledged));
        Assert.Equal([Rcmp, "Coordinator"], Audience(_index, reassigned));
    }

    [Fact]
    public void A_reassignment_is_delivered_live_to_the_agency_it_was_taken_from_but_never_replayed_to_it()
    {
        Apply(_events.AgreementDrafted("MOU-3", Hub, Npa, Rcmp));
        Apply(_events.TaskAssigned("T-1", "MOU-3", Hub, Npa, HandlingCode.Red));
        var reassigned = Apply(_events.TaskReassigned("T-1", "MOU-3", Npa, Rcmp, HandlingCode.Red));
        var update = Apply(_events.TaskUpdatePosted("T-1", Rcmp));

        Assert.Equal([Npa, Rcmp, "Coordinator"], Audience(_index, reassigned, live: true));
        Assert.Equal([Rcmp, "Coordinator"], Audience(_index, reassigned, live: false));
        Assert.Equal([Rcmp, "Coordinator"], Audience(_index, update, live: true));
    }

    [Fact]
    public void Reassigning_can_also_change_the_handling_code()
    {
        Apply(_events.AgreementDrafted("MOU-3", Hub, Npa, Rcmp));
        var assigned = Apply(_events.TaskAssigned("T-1", "MOU-3", Hub, Npa, HandlingCode.Green));
        Assert.Equal([Hub, Npa, Rcmp, "Coordinator"], Audience(_index, assigned));

        Apply(_events.TaskReassigned("T-1", "MOU-3", Npa, Rcmp, HandlingCode.Red));

        Assert.Equal([Rcmp, "Coordinator"], Audience(_index, assigned));
    }

    [Fact]
    public void Operators_get_agency_events_only_never_case_content()
    {
        var registered = Apply(_events.AgencyRegistered(Fbi));
        var drafted = Apply(_events.AgreementDrafted("MOU-KR-US", Hub, Fbi));
        var assigned = Apply(_events.TaskAssigned("T-9", "MOU-KR-US", Hub, Fbi, HandlingCode.Clear));

        Assert.True(_index.CanSee(Operator, registered));
        Assert.False(_index.CanSee(Operator, drafted));
        Assert.False(_index.CanSee(Operator, assigned));
        Assert.False(_index.CanSeeLive(Operator, assigned));
    }

    [Fact]
    public void Audit_and_directory_events_reach_nobody_not_even_coordinators()
    {
        var audit = Apply(_events.AuditRecorded(1));
        var directory = Apply(_events.DirectoryChanged());

        Assert.Empty(Audience(_index, audit, live: true));
        Assert.Empty(Audience(_index, directory, live: true));
    }

    [Fact]
    public void A_task_event_for_a_task_never_assigned_reaches_coordinators_only()
    {
        var orphan = Apply(_events.TaskAcknowledged("T-404", Npa));

        Assert.Equal(["Coordinator"], Audience(_index, orphan, live: true));
    }

    [Fact]
    public void A_partner_token_without_an_agency_sees_nothing()
    {
        var nobody = new Actor("liaison", ActorRole.Partner, null);
        var registered = Apply(_events.AgencyRegistered(Npa));
        var drafted = Apply(_events.AgreementDrafted("MOU-KR-JP", Hub, Npa));
        var assigned = Apply(_events.TaskAssigned("T-1", "MOU-KR-JP", Hub, Npa, HandlingCode.Clear));

        Assert.False(_index.CanSeeLive(nobody, registered));
        Assert.False(_index.CanSeeLive(nobody, drafted));
        Assert.False(_index.CanSeeLive(nobody, assigned));
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
