using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tests.Support;

namespace PolicingHub.Grains.Tests.Agreements;

public sealed class AgreementLifecycleTests(DomainSilo silo) : IClassFixture<DomainSilo>
{
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
        var hub = silo.NewHub();
        var agreement = await AgreementIn(hub, from);
        var stream = $"agreement/{hub.KrJp}";
        var mark = await hub.Mark();

        if (Allowed.TryGetValue((from, step), out var to))
        {
            var view = await Apply(hub, agreement, step);
            Assert.Equal(to, view.Status);
            Assert.Equal(to, (await agreement.Get()).Status);
            string[] events = step == "Sign" ? ["agreement.signed", "agreement.status-changed"] : ["agreement.status-changed"];
            Assert.Equal([.. events.Select(e => $"{stream}:{e}"), $"{stream}:command.accepted"], await hub.RecordsSince(mark));
            var changed = (await hub.Events(stream))[^1].Data;
            Assert.Equal(from.ToString(), changed.GetProperty("from").GetString());
            Assert.Equal(to.ToString(), changed.GetProperty("to").GetString());
            Assert.Equal([hub.Knpa, hub.Npa], changed.GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
        }
        else
        {
            var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => Apply(hub, agreement, step));
            Assert.Equal($"agreement {hub.KrJp} is {from}; cannot {step}", error.Message);
            Assert.Equal(from, (await agreement.Get()).Status);
            Assert.Empty(await hub.RecordsSince(mark));
        }
    }

    [Theory]
    [InlineData("Suspend")]
    [InlineData("Terminate")]
    public async Task Suspending_and_terminating_need_a_reason(string step)
    {
        var hub = silo.NewHub();
        var agreement = await AgreementIn(hub, AgreementStatus.Active);
        var mark = await hub.Mark();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => step == "Suspend"
            ? agreement.Suspend(Hub.Change(reason: null))
            : agreement.Terminate(Hub.Change(reason: "  ")));

        Assert.Equal($"reason: a reason is required to {step.ToLowerInvariant()} an agreement", error.Message);
        Assert.Equal(AgreementStatus.Active, (await agreement.Get()).Status);
        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task A_status_change_records_its_reason()
    {
        var hub = silo.NewHub();
        var agreement = await AgreementIn(hub, AgreementStatus.Active);

        await agreement.Suspend(Hub.Change("audit of shared data"));
        await agreement.Resume(Hub.Change(" "));

        var reasons = (await hub.Events($"agreement/{hub.KrJp}")).TakeLast(2).Select(e => e.Data.GetProperty("reason").GetString());
        string?[] expected = ["audit of shared data", null];
        Assert.Equal(expected, reasons);
    }

    [Fact]
    public async Task Only_coordinators_change_an_agreements_status()
    {
        var hub = silo.NewHub();
        var agreement = await AgreementIn(hub, AgreementStatus.Active);
        var mark = await hub.Mark();

        var partner = await Assert.ThrowsAsync<ForbiddenException>(() => agreement.Suspend(Hub.Change("audit", Actors.Partner(hub.Npa))));
        var @operator = await Assert.ThrowsAsync<ForbiddenException>(() => agreement.Terminate(Hub.Change("audit", Actors.Operator)));

        Assert.Equal("only coordinators may suspend agreements", partner.Message);
        Assert.Equal("operators may only read agency status; ops-lee may not terminate agreements", @operator.Message);
        Assert.Equal(AgreementStatus.Active, (await agreement.Get()).Status);
        Assert.Empty(await hub.RecordsSince(mark));
    }

    [Fact]
    public async Task An_active_agreement_expires_by_reminder_on_its_expiry_date_even_beyond_one_reminder_step()
    {
        var hub = silo.NewHub();
        var expiresOn = hub.Today.AddDays(40); // the reminder reaches it in two steps (30 days at most each)
        var agreement = await hub.ActiveAgreement(expiresOn: expiresOn);
        var expiresAt = new DateTimeOffset(expiresOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var mark = await hub.Mark();

        await hub.Advance(expiresAt - hub.Now - TimeSpan.FromMinutes(1));
        var minuteBefore = (await agreement.Get()).Status;
        await hub.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(AgreementStatus.Active, minuteBefore);
        Assert.Equal(AgreementStatus.Expired, (await agreement.Get()).Status);
        Assert.Equal([$"agreement/{hub.KrJp}:agreement.status-changed"], await hub.RecordsSince(mark));
        var expired = (await hub.Events($"agreement/{hub.KrJp}"))[^1].Data;
        Assert.Equal(("Active", "Expired"), (expired.GetProperty("from").GetString(), expired.GetProperty("to").GetString()));
        Assert.Equal($"expired on {expiresOn:yyyy-MM-dd}", expired.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_suspended_agreement_expires_by_reminder_too()
    {
        var hub = silo.NewHub();
        var expiresOn = hub.Today.AddDays(10);
        var agreement = await hub.ActiveAgreement(expiresOn: expiresOn);
        await agreement.Suspend(Hub.Change("review"));

        await hub.Advance(TimeSpan.FromDays(10));

        Assert.Equal(AgreementStatus.Expired, (await agreement.Get()).Status);
        Assert.Equal("Suspended", (await hub.Events($"agreement/{hub.KrJp}"))[^1].Data.GetProperty("from").GetString());
    }

    [Fact]
    public async Task A_terminated_agreement_does_not_expire_again_by_reminder()
    {
        var hub = silo.NewHub();
        var agreement = await hub.ActiveAgreement(expiresOn: hub.Today.AddDays(9));
        await agreement.Terminate(Hub.Change("replaced by a new MOU"));
        var mark = await hub.Mark();

        await hub.Advance(TimeSpan.FromDays(10));

        Assert.Equal(AgreementStatus.Terminated, (await agreement.Get()).Status);
        Assert.Empty(await hub.RecordsSince(mark));
    }

    /// <summary>Brings the KR–JP agreement (KR-KNPA, JP-NPA) of <paramref name="hub"/> to <paramref name="status"/> through the lifecycle.</summary>
    internal static async Task<IAgreementGrain> AgreementIn(Hub hub, AgreementStatus status)
    {
        await hub.RegisterAgencies(hub.Knpa, hub.Npa);
        var agreement = hub.Agreement(hub.KrJp);
        await agreement.Draft(Hub.Draft([hub.Knpa, hub.Npa]));
        if (status == AgreementStatus.Draft)
        {
            return agreement;
        }
        await agreement.Sign(hub.Sign(hub.Knpa, hub.Npa));
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

    private static Task<AgreementView> Apply(Hub hub, IAgreementGrain agreement, string step) => step switch
    {
        "Sign" => agreement.Sign(hub.Sign(hub.Knpa, hub.Npa)),
        "Activate" => agreement.Activate(Hub.Change()),
        "Suspend" => agreement.Suspend(Hub.Change("review")),
        "Resume" => agreement.Resume(Hub.Change()),
        "Terminate" => agreement.Terminate(Hub.Change("ended")),
        "Expire" => agreement.Expire(Hub.Change()),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
