using System.Collections.Immutable;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Directory;

/// <summary>
/// The stored state of the directory grain: agencies and agreements (few), and the page that new task ids go to. The
/// task ids themselves live in pages 0..<see cref="TaskPage"/> (<see cref="IDirectoryPageGrain"/>).
/// </summary>
public sealed record DirectoryState
{
    public ImmutableArray<AgencyCode> Agencies { get; init; } = [];

    public ImmutableArray<AgreementId> Agreements { get; init; } = [];

    /// <summary>The last task page in use; every page before it is full.</summary>
    public int TaskPage { get; init; }
}
