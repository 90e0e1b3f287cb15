using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Agreements;

public sealed class AgreementDraftingTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
    private static readonly ResponseClause UrgentCyber = new(CooperationArea.Cyberspace, Priority.Urgent, TimeSpan.FromHours(4), TimeSpan.FromDays(2));

    [Fact]
    public async Task Drafting_between_registered_agencies_records_the_draft_in_the_agreements_stream_only()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Knpa, hub.Npa);
        var expires = hub.Today.AddYears(5);
        var mark = await hub.Mark();

        var view = await hub.Agreement(hub.KrJp).Draft(Hub.Draft([hub.Knpa, hub.Npa, hub.Npa], clauses: [UrgentCyber], expiresOn: expires));

        Assert.Equal(AgreementId.Parse(hub.KrJp), view.Id);
        Assert.Equal("Police cooperation MOU", view.Title);
        Assert.Equal(AgreementStatus.Draft, view.Status);
        Assert.Equal([Hub.Code(hub.Knpa), Hub.Code(hub.Npa)], view.Parties.Items());
        Assert.Equal([CooperationArea.Cyberspace, CooperationArea.Fugitives, CooperationArea.EconomicSecurity], view.Areas.Items());
        Assert.Equal([UrgentCyber], view.ResponseClauses.Items());
        Assert.Equal(expires, view.ExpiresOn);
        Assert.Null(view.SignedOn);
        Assert.Empty(view.Signatories);
        Assert.Empty(view.Commitments);
        Assert.Equal([$"agreement/{hub.KrJp}:agreement.drafted", $"agreement/{hub.KrJp}:command.accepted"], await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task Drafting_with_an_unregistered_party_is_refused_and_creates_nothing()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Knpa);
        var unregistered = hub.Numbered("JP-XYZ");
        var mark = await hub.Mark();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => hub.Agreement(hub.KrJp).Draft(Hub.Draft([hub.Knpa, unregistered])));

        Assert.Equal($"parties: {unregistered} is not a registered agency", error.Message);
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => hub.Agreement(hub.KrJp).Get());
        Assert.Equal($"agreement {hub.KrJp} does not exist", missing.Message);
        Assert.Empty(await hub.RecordsSince(mark));
    }

    public static TheoryData<string> BadDrafts => new()
    {
        "one party twice", "one party", "no area", "blank title", "clause outside the areas", "zero acknowledge time",
        "negative answer time", "acknowledge longer than answer", "clause twice", "expiring today",
    };

    /// <summary>A draft breaking one content rule, and the message naming it.</summary>
    private static (DraftAgreement Command, string Message) BadDraft(Hub hub, string name) => name switch
    {
        "one party twice" => (Hub.Draft([hub.Knpa, hub.Knpa]), "parties: an agreement needs at least two distinct parties"),
        "one party" => (Hub.Draft([hub.Knpa]), "parties: an agreement needs at least two distinct parties"),
        "no area" => (Hub.Draft([hub.Knpa, hub.Npa], areas: []), "areas: an agreement covers at least one cooperation area"),
        "blank title" => (Hub.Draft([hub.Knpa, hub.Npa], title: " "), "title: must not be empty"),
        "clause outside the areas" => (Hub.Draft([hub.Knpa, hub.Npa], clauses: [new(CooperationArea.Drugs, Priority.Urgent, TimeSpan.FromHours(8), TimeSpan.FromDays(7))]),
            "responseClauses: Drugs is not an area of this agreement"),
        "zero acknowledge time" => (Hub.Draft([hub.Knpa, hub.Npa], clauses: [new(CooperationArea.Cyberspace, Priority.Urgent, TimeSpan.Zero, TimeSpan.FromDays(7))]),
            "responseClauses: Cyberspace/Urgent needs positive durations"),
        "negative answer time" => (Hub.Draft([hub.Knpa, hub.Npa], clauses: [new(CooperationArea.Cyberspace, Priority.Urgent, TimeSpan.FromHours(8), TimeSpan.FromHours(-1))]),
            "responseClauses: Cyberspace/Urgent needs positive durations"),
        "acknowledge longer than answer" => (Hub.Draft([hub.Knpa, hub.Npa], clauses: [new(CooperationArea.Cyberspace, Priority.Urgent, TimeSpan.FromDays(8), TimeSpan.FromDays(7))]),
            "responseClauses: Cyberspace/Urgent must not allow longer to acknowledge than to answer"),
        "clause twice" => (Hub.Draft([hub.Knpa, hub.Npa], clauses: [UrgentCyber, UrgentCyber]), "responseClauses: Cyberspace/Urgent appears more than once"),
        "expiring today" => (Hub.Draft([hub.Knpa, hub.Npa], expiresOn: hub.Today), $"expiresOn: must be after today ({hub.Today:yyyy-MM-dd})"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task Drafting_with_bad_content_names_the_field_and_creates_nothing(string rule)
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Knpa, hub.Npa);
        var (command, message) = BadDraft(hub, rule);
        var mark = await hub.Mark();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => hub.Agreement(hub.KrJp).Draft(command));

        Assert.Equal(message, error.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => hub.Agreement(hub.KrJp).Get());
        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task Drafting_an_existing_agreement_is_a_conflict()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Knpa, hub.Npa);
        await hub.Agreement(hub.KrJp).Draft(Hub.Draft([hub.Knpa, hub.Npa]));
        var mark = await hub.Mark();

        var error = await Assert.ThrowsAsync<ConflictException>(() => hub.Agreement(hub.KrJp).Draft(Hub.Draft([hub.Knpa, hub.Npa], title: "Again")));

        Assert.Equal($"agreement {hub.KrJp} already exists", error.Message);
        Assert.Equal("Police cooperation MOU", (await hub.Agreement(hub.KrJp).Get()).Title);
        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task Partners_and_operators_may_not_draft()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Knpa, hub.Npa);

        var partner = await Assert.ThrowsAsync<ForbiddenException>(() => hub.Agreement(hub.KrJp).Draft(Hub.Draft([hub.Knpa, hub.Npa], actor: Actors.Partner(hub.Knpa))));
        var @operator = await Assert.ThrowsAsync<ForbiddenException>(() => hub.Agreement(hub.KrJp).Draft(Hub.Draft([hub.Knpa, hub.Npa], actor: Actors.Operator)));

        Assert.Equal("only coordinators may draft agreements", partner.Message);
        Assert.Equal("operators may only read agency status; ops-lee may not draft agreements", @operator.Message);
        Assert.Empty(await hub.Records($"agreement/{hub.KrJp}"));
    }

    [Fact]
    public async Task Signing_needs_a_signatory_for_every_party_and_only_parties_sign()
    {
        var hub = silo.NewHub();
        await hub.RegisterAgencies(hub.Knpa, hub.Npa, hub.Rcmp);
        var agreement = hub.Agreement(hub.KrJp);
        await agreement.Draft(Hub.Draft([hub.Knpa, hub.Npa]));

        var missing = await Assert.ThrowsAsync<DomainValidationException>(() => agreement.Sign(hub.Sign(hub.Knpa)));
        var outsider = await Assert.ThrowsAsync<DomainValidationException>(() => agreement.Sign(hub.Sign(hub.Knpa, hub.Npa, hub.Rcmp)));
        var future = await Assert.ThrowsAsync<DomainValidationException>(() => agreement.Sign(hub.Sign(hub.Knpa, hub.Npa) with { SignedOn = hub.Today.AddDays(1) }));
        var signed = await agreement.Sign(hub.Sign(hub.Knpa, hub.Npa));

        Assert.Equal($"signatories: {hub.Npa} has no signatory", missing.Message);
        Assert.Equal($"signatories: {hub.Rcmp} is not a party to agreement {hub.KrJp}", outsider.Message);
        Assert.Equal($"signedOn: must not be in the future (today is {hub.Today:yyyy-MM-dd})", future.Message);
        Assert.Equal(AgreementStatus.Signed, signed.Status);
        Assert.Equal(hub.Today, signed.SignedOn);
        Assert.Equal([hub.Knpa, hub.Npa], signed.Signatories.Select(s => s.Agency.Value));
        Assert.Equal(["agreement.drafted", "agreement.signed", "agreement.status-changed"], await hub.EventTypes($"agreement/{hub.KrJp}"));
    }

    [Fact]
    public async Task Every_view_and_change_of_an_agreement_never_drafted_is_not_found()
    {
        var hub = silo.NewHub();
        var id = hub.Key("MOU-NONE");
        var agreement = hub.Agreement(id);

        var errors = new Exception[]
        {
            await Assert.ThrowsAsync<NotFoundException>(() => agreement.Get()),
            await Assert.ThrowsAsync<NotFoundException>(() => agreement.GetStatus()),
            await Assert.ThrowsAsync<NotFoundException>(() => agreement.Activate(Hub.Change())),
            await Assert.ThrowsAsync<NotFoundException>(() => agreement.EnsureActive()),
            await Assert.ThrowsAsync<NotFoundException>(() => agreement.AddCommitment(hub.Commitment(TimeSpan.FromDays(1)))),
            await Assert.ThrowsAsync<NotFoundException>(() => agreement.PlanRequest(Hub.Code(hub.Knpa), Hub.Code(hub.Npa), CooperationArea.Cyberspace, Priority.Urgent, hub.Now)),
        };

        Assert.All(errors, e => Assert.Equal($"agreement {id} does not exist", e.Message));
        Assert.Empty(await hub.Records($"agreement/{id}"));
    }
}
