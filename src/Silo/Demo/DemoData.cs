using System.Collections.Immutable;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;
using static PolicingHub.Grains.Model.CooperationArea;

namespace PolicingHub.Silo.Demo;

/// <summary>
/// The demo of DESIGN.md §1: the hub (KR-KNPA), JP-NPA, CA-RCMP and US-FBI; the KR–JP and KR–CA MOUs with their areas,
/// response clauses (urgent cyber requests acknowledged within 8 h) and commitments; tasks in several states. Dates are
/// relative to <c>now</c>; names of people are placeholders. Due dates stay within 45 days and the MOUs are open-ended:
/// the runtime cannot yet arm a reminder more than about 49 days ahead (its timer limit).
/// </summary>
internal static class DemoData
{
    public const string Subject = "demo-seed";

    public static readonly Actor Coordinator = new(Subject, ActorRole.Coordinator, null);

    public static readonly AgencyCode Hub = new("KR-KNPA");
    public static readonly AgencyCode Japan = new("JP-NPA");
    public static readonly AgencyCode Canada = new("CA-RCMP");
    public static readonly AgencyCode UnitedStates = new("US-FBI");

    public static readonly AgreementId KoreaJapan = new("MOU-KR-JP-2026");
    public static readonly AgreementId KoreaCanada = new("MOU-KR-CA-2026");

    public static ImmutableArray<DemoAgency> Agencies() =>
    [
        Agency(Hub, "Korean National Police Agency", "ap-northeast", ["ko", "en"], [EconomicSecurity, Cyberspace, TransnationalCrime, Fugitives, AiAndTechnology, Forensics, CapacityBuilding], "Global Policing Hub desk"),
        Agency(Japan, "National Police Agency of Japan", "ap-northeast", ["ja", "en"], [EconomicSecurity, Cyberspace, TransnationalCrime, AiAndTechnology, NationalsAbroad], "International liaison desk"),
        Agency(Canada, "Royal Canadian Mounted Police", "ca-central", ["en", "fr"], [Cyberspace, TransnationalCrime, OrganizedCrime, Drugs, Terrorism, Fugitives], "International policing liaison"),
        Agency(UnitedStates, "Federal Bureau of Investigation", "us-east", ["en"], [Cyberspace, Terrorism, OrganizedCrime, SecurityInvestigations], "Legal attaché office"),
    ];

    public static ImmutableArray<DemoAgreement> Agreements(DateTimeOffset now)
    {
        var signedOn = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-30));
        return
        [
            new DemoAgreement(
                KoreaJapan,
                new DraftAgreement(Coordinator, "MOU on police cooperation between KNPA and NPA Japan", [Hub, Japan],
                    [EconomicSecurity, Cyberspace, TransnationalCrime, AiAndTechnology, NationalsAbroad, Fugitives],
                    [Clause(Cyberspace, Priority.Urgent, "PT8H", "P3D"), Clause(Cyberspace, Priority.Routine, "P3D", "P7D"),
                     Clause(EconomicSecurity, Priority.Urgent, "PT8H", "P7D"), Clause(Fugitives, Priority.Urgent, "PT8H", "P7D"),
                     Clause(TransnationalCrime, Priority.Routine, "P3D", "P7D")],
                    null),
                new SignAgreement(Coordinator, signedOn, [Signatory(Hub, "Commissioner General"), Signatory(Japan, "Commissioner General")]),
                [
                    Commitment(EconomicSecurity, "Hold the first quarterly exchange of case information on industrial technology leakage investigations", Hub, now, 35),
                    Commitment(Cyberspace, "Set up a 24/7 contact point for cyberterrorism incidents attributed to North Korea-linked groups", Japan, now, 10),
                    Commitment(Cyberspace, "Brief the Korea–US–Japan cyber working group on joint threat findings", Hub, now, 42),
                    Commitment(TransnationalCrime, "Share typologies of transnational fraud rings operating across both countries", Japan, now, 28),
                    Commitment(AiAndTechnology, "Hold a joint workshop on the use of AI and advanced technology in policing", Japan, now, 40),
                    Commitment(NationalsAbroad, "Agree a notification procedure for serious incidents involving each other's nationals", Japan, now, 30),
                    Commitment(Fugitives, "Review every pending extradition request for fugitives with the counterpart desk", Hub, now, 14),
                ]),
            new DemoAgreement(
                KoreaCanada,
                new DraftAgreement(Coordinator, "Comprehensive MOU on police cooperation between KNPA and the RCMP", [Hub, Canada],
                    [Cyberspace, TransnationalCrime, Terrorism, Drugs, OrganizedCrime, Fugitives, CapacityBuilding, NationalsAbroad],
                    [Clause(Cyberspace, Priority.Urgent, "PT8H", "P3D"), Clause(Terrorism, Priority.Critical, "PT2H", "P1D"),
                     Clause(Drugs, Priority.Routine, "P3D", "P7D"), Clause(Fugitives, Priority.Urgent, "PT8H", "P7D")],
                    null),
                new SignAgreement(Coordinator, signedOn, [Signatory(Hub, "Commissioner General"), Signatory(Canada, "Commissioner")]),
                [
                    Commitment(Cyberspace, "Designate liaison officers for cyber and security threats", Canada, now, 10),
                    Commitment(Drugs, "Share intelligence on synthetic drug trafficking routes across the Pacific", Canada, now, 35),
                    Commitment(OrganizedCrime, "Exchange threat assessments on transnational organized crime and terrorism", Canada, now, 28),
                    Commitment(Fugitives, "Open a working channel for the extradition and repatriation of fugitives", Hub, now, 30),
                    Commitment(CapacityBuilding, "Co-deliver a capacity building course for police in developing countries", Hub, now, 45),
                    Commitment(NationalsAbroad, "Run safety outreach with the Korean community in the Toronto area", Canada, now, 42),
                ]),
        ];
    }

    public static ImmutableArray<DemoTask> Tasks(DateTimeOffset now) =>
    [
        Task("T-DEMO-0001", KoreaJapan, Hub, Japan, TaskKind.InformationRequest, Cyberspace, Priority.Urgent, HandlingCode.Amber,
            "Attribution data for a ransomware campaign against Korean shipbuilders", "Cyber Division duty officer", CooperationTaskStatus.Assigned),
        Task("T-DEMO-0002", KoreaJapan, Hub, Japan, TaskKind.CaseCollaboration, EconomicSecurity, Priority.Routine, HandlingCode.Amber,
            "Semiconductor process leak: travel records of two suspects", "Economic security desk", CooperationTaskStatus.Acknowledged),
        Task("T-DEMO-0003", KoreaCanada, Hub, Canada, TaskKind.FugitiveLocation, Fugitives, Priority.Urgent, HandlingCode.Red,
            "Locate a fugitive wanted for investment fraud, believed to be in Toronto", "Fugitive liaison officer", CooperationTaskStatus.InProgress),
        Task("T-DEMO-0004", KoreaCanada, Hub, Canada, TaskKind.IntelligenceSharing, Drugs, Priority.Routine, HandlingCode.Green,
            "Precursor chemical shipments through the port of Vancouver", "Drug intelligence analyst", CooperationTaskStatus.Completed),
        Task("T-DEMO-0005", KoreaJapan, Japan, Hub, TaskKind.InformationRequest, NationalsAbroad, Priority.Routine, HandlingCode.Green,
            "Consular incident involving Japanese tourists in Busan", "Foreign affairs desk", CooperationTaskStatus.Accepted),
    ];

    private static DemoAgency Agency(AgencyCode code, string name, string region, ImmutableArray<string> languages, ImmutableArray<CooperationArea> capabilities, string desk) =>
        new(code, new RegisterAgency(Coordinator, name, region, languages, capabilities,
            [new LiaisonContact("Duty liaison officer", desk, $"liaison@{code.Value.ToLowerInvariant()}.example", null)]));

    private static ResponseClause Clause(CooperationArea area, Priority priority, string acknowledge, string answer) =>
        new(area, priority, System.Xml.XmlConvert.ToTimeSpan(acknowledge), System.Xml.XmlConvert.ToTimeSpan(answer));

    private static Signatory Signatory(AgencyCode agency, string title) => new(agency, $"{title} of {agency}", title);

    private static AddCommitment Commitment(CooperationArea area, string text, AgencyCode party, DateTimeOffset now, int dueInDays) =>
        new(Coordinator, area, text, party, now.AddDays(dueInDays));

    private static DemoTask Task(string id, AgreementId agreement, AgencyCode requester, AgencyCode assignee, TaskKind kind, CooperationArea area,
        Priority priority, HandlingCode handling, string title, string officer, CooperationTaskStatus target) =>
        new(new TaskId(id), new AssignTask(Coordinator, agreement, requester, assignee, kind, area, priority, handling, title,
            $"{title}. Demo task seeded with --seed-demo.", null), officer, target);
}
