using System.Collections.Immutable;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Projections;

/// <summary>An agency as read: profile, live status, its agreements and open tasks.</summary>
public sealed record AgencyView(
    AgencyCode Code,
    string Name,
    string Country,
    string HomeRegion,
    ImmutableArray<string> Languages,
    ImmutableArray<CooperationArea> Capabilities,
    ImmutableArray<LiaisonContact> Contacts,
    AgencyLiveStatus Status,
    ImmutableArray<AgreementId> Agreements,
    ImmutableArray<TaskId> OpenTasks,
    DateTimeOffset RegisteredAt);
