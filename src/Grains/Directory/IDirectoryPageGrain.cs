using System.Collections.Immutable;
using PolicingHub.Grains.Model;
using PolicingHub.Runtime;

namespace PolicingHub.Grains.Directory;

/// <summary>
/// One page of the directory's task list (key "tasks-&lt;n&gt;", n from 0), holding at most <see cref="Capacity"/> ids in
/// the order added. Only the directory grain calls it, so that adding a task writes one bounded page.
/// </summary>
internal interface IDirectoryPageGrain : IGrainWithStringKey
{
    public const int Capacity = 500;

    public static string Key(int page) => "tasks-" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True when the page holds the id afterwards (added now or before); false, changing nothing, when it is full without it.</summary>
    Task<bool> TryAdd(TaskId task);

    [ReadOnly]
    Task<ImmutableArray<TaskId>> Get();
}
