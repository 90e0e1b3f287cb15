using System.Collections.Immutable;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Directory;

/// <summary>The stored state of the directory grain: three ordered sets.</summary>
public sealed record DirectoryState
{
    public ImmutableArray<AgencyCode> Agencies { get; init; } = [];

    public ImmutableArray<AgreementId> Agreements { get; init; } = [];

    public ImmutableArray<TaskId> Tasks { get; init; } = [];
}
