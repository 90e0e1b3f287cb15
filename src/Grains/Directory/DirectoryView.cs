using System.Collections.Immutable;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Directory;

/// <summary>Every registered agency, drafted agreement and assigned task, for listings (callers filter by visibility).</summary>
public sealed record DirectoryView(ImmutableArray<AgencyCode> Agencies, ImmutableArray<AgreementId> Agreements, ImmutableArray<TaskId> Tasks);
