using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Agreements;

public sealed class AgreementLifecycleTests
{
    private const string Stream = "agreement/MOU-KR-JP-2026";

    /// <summary>The allowed steps (DESIGN.md: Draft → Signed → Active ⇄ Suspended → Terminated or Expired); every other pair is refused.</summary>
    private static readonly Dictionary<(AgreementStatus From, string Step), AgreementStatus> Allowed = new()
    {
        [(AgreementStatus.Draft, "Sign")] = AgreementStatus.Signed,
        [(AgreementStatus.Signed, "Activate")] = AgreementStatus.Active,
        [(AgreementStatus.Signed, "Terminate")] = AgreementStatus.Terminated,
        [(AgreementStatus.Active, "Suspend")] = AgreementStatus.Suspended,
        [(AgreementStatus.Active, "Terminate")] = AgreementStatus.Terminated,
        [(AgreementStatus.Active, "Expire")] = AgreementStatus.Expired,
        [(AgreementStatus.Suspended, "Resume")] = AgreementStatus.Active,
        [(AgreementStatus.Suspended, "Terminate")] = AgreementStatus.Terminated,
        [(AgreementStatus.Suspended, "Expire")] = AgreementStatus.Expired,
    };

    private static readonly string[] Steps = ["Sign", "Activate", "Suspend", "Resume", "Terminate", "Expire"];

    public static TheoryData<AgreementStatus, string> EveryStatusAndStep()
    {
        var data = new TheoryData<AgreementStatus, string>();
        foreach (var status in Enum.GetValues<AgreementStatus>())
        {
            foreach (var step in Steps)
            {
                data.Add(status, step);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndStep))]
    public async Task Each_step_is_allowed_only_from_its_lifecycle_states(AgreementStatus from, string step)
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await AgreementIn(silo, from);
        var mark = await silo.Mark();

        if (Allowed.TryGetValue((from, step), out var to))
        {
            var view = await Apply(silo, agreement, step);
            Assert.Equal(to, view.Status);
            Assert.Equal(to, (await agreement.Get()).Status);
            var expected = step == "Sign" ? new[] { $"{Stream}:agreement.signed", $"{Stream}:agreement.status-changed" } : [$"{Stream}:agreement.status-changed"];
            Assert.Equal(expected, await silo.EventsSince(mark));
            var changed = (await silo.Events(Stream))[^1].Data;
            Assert.Equal(from.ToString(), changed.GetProperty("from").GetString());
            Assert.Equal(to.ToString(), changed.GetProperty("to").GetString());
            Assert.Equal(["KR-KNPA", "JP-NPA"], changed.GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
            var stored = await silo.StoredState<AgencyState>("agency", Hub.Npa, "agency");
            Assert.Equal([new AgencyAgreement(AgreementId.Parse(Hub.KrJp), to)], stored.Agreements.Items());
        }
        else
        {
            var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => Apply(silo, agreement, step));
            Assert.Equal($"agreement MOU-KR-JP-2026 is {from}; cannot {step}", error.Message);
            Assert.Equal(from, (await agreement.Get()).Status);
            Assert.Empty(await silo.EventsSince(mark));
        }
    }

    [Theory]
    [InlineData("Suspend")]
    [InlineData("Terminate")]
    public async Task Suspending_and_terminating_need_a_reason(string step)
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await AgreementIn(silo, AgreementStatus.Active);

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => step == "Suspend"
            ? agreement.Suspend(Hub.Change(reason: null))
            : agreement.Terminate(Hub.Change(reason: "  ")));

        Assert.Equal($"reason: a reason is required to {step.ToLowerInvariant()} an agreement", error.Message);
        Assert.Equal(AgreementStatus.Active, (await agreement.Get()).Status);
    }

    [Fact]
    public async Task Only_coordinators_change_an_agreements_status()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await AgreementIn(silo, AgreementStatus.Active);

        var partner = await Assert.ThrowsAsync<ForbiddenException>(() => agreement.Suspend(Hub.Change("audit", Actors.Partner(Hub.Npa))));
        var @operator = await Assert.ThrowsAsync<ForbiddenException>(() => agreement.Terminate(Hub.Change("audit", Actors.Operator)));

        Assert.Equal("only coordinators may suspend agreements", partner.Message);
        Assert.Equal("operators may only read agency status; ops-lee may not terminate agreements", @operator.Message);
        Assert.Equal(AgreementStatus.Active, (await agreement.Get()).Status);
    }

    [Fact]
    public async Task An_active_agreement_expires_by_reminder_on_its_expiry_date()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement(expiresOn: new DateOnly(2026, 12, 31));
        var expiresAt = new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero);

        silo.Time.Advance(expiresAt - silo.Now - TimeSpan.FromMinutes(1));
        var dayBefore = (await agreement.Get()).Status;
        silo.Time.Advance(TimeSpan.FromMinutes(1));
        await silo.WhenEvent(Stream, "agreement.status-changed", 3).Within();

        Assert.Equal(AgreementStatus.Active, dayBefore);
        Assert.Equal(AgreementStatus.Expired, (await agreement.Get()).Status);
        var expired = (await silo.Events(Stream))[^1].Data;
        Assert.Equal("expired on 2026-12-31", expired.GetProperty("reason").GetString());
        var stored = await silo.StoredState<AgencyState>("agency", Hub.Knpa, "agency");
        Assert.Equal([new AgencyAgreement(AgreementId.Parse(Hub.KrJp), AgreementStatus.Expired)], stored.Agreements.Items());
    }

    [Fact]
    public async Task A_terminated_agreement_does_not_expire_again_by_reminder()
    {
        await using var silo = await DomainSilo.StartAsync();
        var agreement = await silo.ActiveAgreement(expiresOn: new DateOnly(2026, 12, 1));
        await agreement.Terminate(Hub.Change("replaced by a new MOU"));

        silo.Time.Advance(TimeSpan.FromDays(10));

        Assert.Equal(AgreementStatus.Terminated, (await agreement.Get()).Status);
        Assert.Equal(["agreement.drafted", "agreement.signed", "agreement.status-changed", "agreement.status-changed", "agreement.status-changed"],
            await silo.EventTypes(Stream));
    }

    /// <summary>Brings MOU-KR-JP-2026 (KR-KNPA, JP-NPA) to <paramref name="status"/> through the lifecycle.</summary>
    internal static async Task<IAgreementGrain> AgreementIn(DomainSilo silo, AgreementStatus status)
    {
        await silo.RegisterAgencies(Hub.Knpa, Hub.Npa);
        var agreement = silo.Agreement(Hub.KrJp);
        await agreement.Draft(Hub.Draft([Hub.Knpa, Hub.Npa]));
        if (status == AgreementStatus.Draft)
        {
            return agreement;
        }
        await agreement.Sign(Hub.Sign(silo, Hub.Knpa, Hub.Npa));
        if (status == AgreementStatus.Signed)
        {
            return agreement;
        }
        if (status == AgreementStatus.Terminated)
        {
            await agreement.Terminate(Hub.Change("ended"));
            return agreement;
        }
        await agreement.Activate(Hub.Change());
        if (status == AgreementStatus.Suspended)
        {
            await agreement.Suspend(Hub.Change("review"));
        }
        else if (status == AgreementStatus.Expired)
        {
            await agreement.Expire(Hub.Change());
        }
        return agreement;
    }

    private static Task<AgreementView> Apply(DomainSilo silo, IAgreementGrain agreement, string step) => step switch
    {
        "Sign" => agreement.Sign(Hub.Sign(silo, Hub.Knpa, Hub.Npa)),
        "Activate" => agreement.Activate(Hub.Change()),
        "Suspend" => agreement.Suspend(Hub.Change("review")),
        "Resume" => agreement.Resume(Hub.Change()),
        "Terminate" => agreement.Terminate(Hub.Change("ended")),
        "Expire" => agreement.Expire(Hub.Change()),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
