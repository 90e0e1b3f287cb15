namespace PolicingHub.Runtime.Invocation;

internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
