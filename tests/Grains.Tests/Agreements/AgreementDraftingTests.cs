using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Agreements;

public sealed class AgreementDraftingTests
{
    private static readonly ResponseClause UrgentCyber = new(CooperationArea.Cyberspace, Priority.Urgent, TimeSpan.FromHours(4), TimeSpan.FromDays(2));

    [Fact]
    public async Task Drafting_between_registered_agencies_lists_the_draft_for_each_party_and_in_the_directory()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.RegisterAgencies(Hub.Knpa, Hub.Npa);
        var mark = await silo.Mark();

        var view = await silo.Agreement(Hub.KrJp).Draft(Hub.Draft([Hub.Knpa, Hub.Npa, Hub.Npa], clauses: [UrgentCyber], expiresOn: new DateOnly(2031, 11, 21)));

        Assert.Equal(AgreementId.Parse(Hub.KrJp), view.Id);
        Assert.Equal(AgreementStatus.Draft, view.Status);
        Assert.Equal([Hub.Code(Hub.Knpa), Hub.Code(Hub.Npa)], view.Parties.Items());
        Assert.Equal([CooperationArea.Cyberspace, CooperationArea.Fugitives, CooperationArea.EconomicSecurity], view.Areas.Items());
        Assert.Equal([UrgentCyber], view.ResponseClauses.Items());
        Assert.Equal(new DateOnly(2031, 11, 21), view.ExpiresOn);
        Assert.Null(view.SignedOn);
        Assert.Empty(view.Commitments);
        Assert.Null(view.Scorecard.OnTimePercent);
        Assert.Equal([new PartyCounts(Hub.Code(Hub.Knpa), 0, 0, 0), new PartyCounts(Hub.Code(Hub.Npa), 0, 0, 0)], view.Scorecard.Parties.Items());
        Assert.Equal([AgreementId.Parse(Hub.KrJp)], (await silo.Agency(Hub.Npa).Get()).Agreements.Items());
        Assert.Equal([AgreementId.Parse(Hub.KrJp)], (await silo.Agency(Hub.Knpa).Get()).Agreements.Items());
        Assert.Equal([AgreementId.Parse(Hub.KrJp)], (await silo.Directory.Get()).Agreements.Items());
        Assert.Equal(["agreement/MOU-KR-JP-2026:agreement.drafted"], await silo.EventsSince(mark));
    }

    [Fact]
    public async Task Drafting_with_an_unregistered_party_is_refused_and_creates_nothing()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.RegisterAgencies(Hub.Knpa);
        var mark = await silo.Mark();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => silo.Agreement(Hub.KrJp).Draft(Hub.Draft([Hub.Knpa, "JP-XYZ"])));

        Assert.Equal("parties: JP-XYZ is not a registered agency", error.Message);
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => silo.Agreement(Hub.KrJp).Get());
        Assert.Equal("agreement MOU-KR-JP-2026 does not exist", missing.Message);
        Assert.Empty((await silo.Agency(Hub.Knpa).Get()).Agreements);
        Assert.Empty(await silo.EventsSince(mark));
    }

    public static TheoryData<DraftAgreement, string> BadDrafts => new()
    {
        { Hub.Draft([Hub.Knpa, Hub.Knpa]), "parties: an agreement needs at least two distinct parties" },
        { Hub.Draft([Hub.Knpa]), "parties: an agreement needs at least two distinct parties" },
        { Hub.Draft([Hub.Knpa, Hub.Npa], areas: []), "areas: an agreement covers at least one cooperation area" },
        { Hub.Draft([Hub.Knpa, Hub.Npa], title: " "), "title: must not be empty" },
        { Hub.Draft([Hub.Knpa, Hub.Npa], clauses: [new(CooperationArea.Drugs, Priority.Urgent, TimeSpan.FromHours(8), TimeSpan.FromDays(7))]),
            "responseClauses: Drugs is not an area of this agreement" },
        { Hub.Draft([Hub.Knpa, Hub.Npa], clauses: [new(CooperationArea.Cyberspace, Priority.Urgent, TimeSpan.Zero, TimeSpan.FromDays(7))]),
            "responseClauses: Cyberspace/Urgent needs positive durations" },
        { Hub.Draft([Hub.Knpa, Hub.Npa], clauses: [new(CooperationArea.Cyberspace, Priority.Urgent, TimeSpan.FromHours(8), TimeSpan.FromHours(-1))]),
            "responseClauses: Cyberspace/Urgent needs positive durations" },
        { Hub.Draft([Hub.Knpa, Hub.Npa], clauses: [new(CooperationArea.Cyberspace, Priority.Urgent, TimeSpan.FromDays(8), TimeSpan.FromDays(7))]),
            "responseClauses: Cyberspace/Urgent must not allow longer to acknowledge than to answer" },
        { Hub.Draft([Hub.Knpa, Hub.Npa], clauses: [UrgentCyber, UrgentCyber]), "responseClauses: Cyberspace/Urgent appears more than once" },
        { Hub.Draft([Hub.Knpa, Hub.Npa], expiresOn: new DateOnly(2026, 11, 22)), "expiresOn: must be after today (2026-11-22)" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task Drafting_with_bad_content_names_the_field_and_creates_nothing(DraftAgreement command, string message)
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.RegisterAgencies(Hub.Knpa, Hub.Npa);
        var mark = await silo.Mark();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => silo.Agreement(Hub.KrJp).Draft(command));

        Assert.Equal(message, error.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => silo.Agreement(Hub.KrJp).Get());
        Assert.Empty(await silo.EventsSince(mark));
    }

    [Fact]
    public async Task Drafting_an_existing_agreement_is_a_conflict()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.RegisterAgencies(Hub.Knpa, Hub.Npa);
        await silo.Agreement(Hub.KrJp).Draft(Hub.Draft([Hub.Knpa, Hub.Npa]));

        var error = await Assert.ThrowsAsync<ConflictException>(() => silo.Agreement(Hub.KrJp).Draft(Hub.Draft([Hub.Knpa, Hub.Npa], title: "Again")));

        Assert.Equal("agreement MOU-KR-JP-2026 already exists", error.Message);
        Assert.Equal("Police cooperation MOU", (await silo.Agreement(Hub.KrJp).Get()).Title);
    }

    [Fact]
    public async Task Partners_and_operators_may_not_draft()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.RegisterAgencies(Hub.Knpa, Hub.Npa);

        var partner = await Assert.ThrowsAsync<ForbiddenException>(() => silo.Agreement(Hub.KrJp).Draft(Hub.Draft([Hub.Knpa, Hub.Npa], actor: Actors.Partner(Hub.Knpa))));
        var @operator = await Assert.ThrowsAsync<ForbiddenException>(() => silo.Agreement(Hub.KrJp).Draft(Hub.Draft([Hub.Knpa, Hub.Npa], actor: Actors.Operator)));

        Assert.Equal("only coordinators may draft agreements", partner.Message);
        Assert.Equal("operators may only read agency status; ops-lee may not draft agreements", @operator.Message);
    }

    [Fact]
    public async Task Signing_needs_a_signatory_for_every_party_and_only_parties_sign()
    {
        await using var silo = await DomainSilo.StartAsync();
        await silo.RegisterAgencies(Hub.Knpa, Hub.Npa, Hub.Rcmp);
        var agreement = silo.Agreement(Hub.KrJp);
        await agreement.Draft(Hub.Draft([Hub.Knpa, Hub.Npa]));

        var missing = await Assert.ThrowsAsync<DomainValidationException>(() => agreement.Sign(Hub.Sign(silo, Hub.Knpa)));
        var outsider = await Assert.ThrowsAsync<DomainValidationException>(() => agreement.Sign(Hub.Sign(silo, Hub.Knpa, Hub.Npa, Hub.Rcmp)));
        var future = await Assert.ThrowsAsync<DomainValidationException>(() => agreement.Sign(Hub.Sign(silo, Hub.Knpa, Hub.Npa) with { SignedOn = new DateOnly(2026, 11, 23) }));
        var signed = await agreement.Sign(Hub.Sign(silo, Hub.Knpa, Hub.Npa));

        Assert.Equal("signatories: JP-NPA has no signatory", missing.Message);
        Assert.Equal("signatories: CA-RCMP is not a party to agreement MOU-KR-JP-2026", outsider.Message);
        Assert.Equal("signedOn: must not be in the future (today is 2026-11-22)", future.Message);
        Assert.Equal(AgreementStatus.Signed, signed.Status);
        Assert.Equal(new DateOnly(2026, 11, 22), signed.SignedOn);
        Assert.Equal(2, signed.Signatories.Length);
        Assert.Equal(["agreement.drafted", "agreement.signed", "agreement.status-changed"], await silo.EventTypes("agreement/MOU-KR-JP-2026"));
    }

    [Fact]
    public async Task Every_view_of_an_agreement_never_drafted_is_not_found()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = silo.Agreement("MOU-NONE");

        var errors = new Exception[]
        {
            await Assert.ThrowsAsync<NotFoundException>(() => agreement.Get()),
            await Assert.ThrowsAsync<NotFoundException>(() => agreement.Activate(Hub.Change())),
            await Assert.ThrowsAsync<NotFoundException>(() => agreement.EnsureActive()),
            await Assert.ThrowsAsync<NotFoundException>(() => agreement.AddCommitment(Hub.Commitment(silo, TimeSpan.FromDays(1)))),
        };

        Assert.All(errors, e => Assert.Equal("agreement MOU-NONE does not exist", e.Message));
    }
}
