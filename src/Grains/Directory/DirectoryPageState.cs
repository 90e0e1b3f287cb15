using System.Collections.Immutable;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Directory;

/// <summary>The stored state of a directory page: up to <see cref="IDirectoryPageGrain.Capacity"/> task ids, in the order added.</summary>
public sealed record DirectoryPageState
{
    public ImmutableArray<TaskId> Tasks { get; init; } = [];
}
