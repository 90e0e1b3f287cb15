using System.Collections.Immutable;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Grains.Tests.Support;

/// <summary>Commands with sensible defaults, and the common set-ups: agencies, an active agreement.</summary>
public sealed partial class Hub
{
    public static RegisterAgency Register(string name, string region = "ap-northeast", Actor? actor = null)
        => new(actor ?? Actors.Coordinator, name, region, ["en"], [CooperationArea.Cyberspace],
            [new LiaisonContact("Desk officer", "Liaison", "liaison@example.org", null)]);

    public async System.Threading.Tasks.Task RegisterAgencies(params string[] codes)
    {
        foreach (var code in codes)
        {
            await Agency(code).Register(Register(code + " (test agency)"));
        }
    }

    public static DraftAgreement Draft(string[] parties, CooperationArea[]? areas = null, ResponseClause[]? clauses = null,
        DateOnly? expiresOn = null, string title = "Police cooperation MOU", Actor? actor = null)
        => new(actor ?? Actors.Coordinator, title, [.. parties.Select(Code)],
            [.. areas ?? [CooperationArea.Cyberspace, CooperationArea.Fugitives, CooperationArea.EconomicSecurity]],
            [.. clauses ?? []], expiresOn);

    /// <summary>Signed today, one signatory per party.</summary>
    public SignAgreement Sign(params string[] parties)
        => new(Actors.Coordinator, Today, [.. parties.Select(p => new Signatory(Code(p), "Chief of " + p, "Commissioner General"))]);

    public static ChangeAgreementStatus Change(string? reason = "as agreed", Actor? actor = null) => new(actor ?? Actors.Coordinator, reason);

    /// <summary>Registers the parties (default KR-KNPA and JP-NPA), drafts, signs and activates an agreement (default the KR–JP one).</summary>
    public async Task<IAgreementGrain> ActiveAgreement(string? id = null, string[]? parties = null,
        ResponseClause[]? clauses = null, DateOnly? expiresOn = null)
    {
        parties ??= [Knpa, Npa];
        await RegisterAgencies(parties);
        var agreement = Agreement(id ?? KrJp);
        await agreement.Draft(Draft(parties, clauses: clauses, expiresOn: expiresOn));
        await agreement.Sign(Sign(parties));
        await agreement.Activate(Change());
        return agreement;
    }

    /// <summary>A request under the KR–JP agreement from KR-KNPA to JP-NPA unless told otherwise.</summary>
    public AssignTask Assign(string? agreement = null, string? requester = null, string? assignee = null,
        CooperationArea area = CooperationArea.Fugitives, Priority priority = Priority.Urgent, HandlingCode handling = HandlingCode.Amber,
        DateTimeOffset? deadlineOverride = null, string title = "Locate a fugitive", string description = "Believed to be in Osaka.",
        Actor? actor = null)
        => new(actor ?? Actors.Coordinator, AgreementId.Parse(agreement ?? KrJp), Code(requester ?? Knpa), Code(assignee ?? Npa),
            TaskKind.FugitiveLocation, area, priority, handling, title, description, deadlineOverride);

    public AcknowledgeTask Acknowledge(string? agency = null)
        => new(Actors.Partner(agency ?? Npa), "Inspector Sato", Now.AddDays(2));

    public AddCommitment Commitment(TimeSpan dueIn, string? responsible = null, CooperationArea area = CooperationArea.Cyberspace,
        string text = "Share indicators of compromise")
        => new(Actors.Coordinator, area, text, Code(responsible ?? Npa), Now + dueIn);

    public static ImmutableArray<T> Array<T>(params T[] items) => [.. items];
}
