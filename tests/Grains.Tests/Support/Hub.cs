using System.Collections.Immutable;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Grains.Tests.Support;

/// <summary>Commands with sensible defaults and the common set-ups: agencies, agreements in a given status, tasks.</summary>
public static class Hub
{
    public const string Knpa = "KR-KNPA";
    public const string Npa = "JP-NPA";
    public const string Rcmp = "CA-RCMP";
    public const string KrJp = "MOU-KR-JP-2026";
    public const string Trilateral = "MOU-HUB-2026";

    public static AgencyCode Code(string code) => AgencyCode.Parse(code);

    public static RegisterAgency Register(string name, string region = "ap-northeast", Actor? actor = null)
        => new(actor ?? Actors.Coordinator, name, region, ["en"], [CooperationArea.Cyberspace],
            [new LiaisonContact("Desk officer", "Liaison", "liaison@example.org", null)]);

    public static async Task RegisterAgencies(this DomainSilo silo, params string[] codes)
    {
        foreach (var code in codes)
        {
            await silo.Agency(code).Register(Register(code + " (test agency)"));
        }
    }

    public static DraftAgreement Draft(string[] parties, CooperationArea[]? areas = null, ResponseClause[]? clauses = null,
        DateOnly? expiresOn = null, string title = "Police cooperation MOU", Actor? actor = null)
        => new(actor ?? Actors.Coordinator, title, [.. parties.Select(Code)],
            [.. areas ?? [CooperationArea.Cyberspace, CooperationArea.Fugitives, CooperationArea.EconomicSecurity]],
            [.. clauses ?? []], expiresOn);

    public static SignAgreement Sign(DomainSilo silo, params string[] parties)
        => new(Actors.Coordinator, DateOnly.FromDateTime(silo.Now.UtcDateTime),
            [.. parties.Select(p => new Signatory(Code(p), "Chief of " + p, "Commissioner General"))]);

    public static ChangeAgreementStatus Change(string? reason = "as agreed", Actor? actor = null) => new(actor ?? Actors.Coordinator, reason);

    /// <summary>Registers the parties, drafts, signs and activates an agreement between them.</summary>
    public static async Task<IAgreementGrain> ActiveAgreement(this DomainSilo silo, string id = KrJp, string[]? parties = null,
        ResponseClause[]? clauses = null, DateOnly? expiresOn = null)
    {
        parties ??= [Knpa, Npa];
        await silo.RegisterAgencies(parties);
        var agreement = silo.Agreement(id);
        await agreement.Draft(Draft(parties, clauses: clauses, expiresOn: expiresOn));
        await agreement.Sign(Sign(silo, parties));
        await agreement.Activate(Change());
        return agreement;
    }

    public static AssignTask Assign(string agreement = KrJp, string requester = Knpa, string assignee = Npa,
        CooperationArea area = CooperationArea.Fugitives, Priority priority = Priority.Urgent, HandlingCode handling = HandlingCode.Amber,
        DateTimeOffset? deadlineOverride = null, string title = "Locate a fugitive", string description = "Believed to be in Osaka.",
        Actor? actor = null)
        => new(actor ?? Actors.Coordinator, AgreementId.Parse(agreement), Code(requester), Code(assignee), TaskKind.FugitiveLocation, area,
            priority, handling, title, description, deadlineOverride);

    public static AcknowledgeTask Acknowledge(DomainSilo silo, string agency = Npa)
        => new(Actors.Partner(agency), "Inspector Sato", silo.Now.AddDays(2));

    public static AddCommitment Commitment(DomainSilo silo, TimeSpan dueIn, string responsible = Npa, CooperationArea area = CooperationArea.Cyberspace,
        string text = "Share indicators of compromise")
        => new(Actors.Coordinator, area, text, Code(responsible), silo.Now + dueIn);

    public static ImmutableArray<T> Array<T>(params T[] items) => [.. items];
}
