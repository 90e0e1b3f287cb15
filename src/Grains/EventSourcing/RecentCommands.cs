namespace PolicingHub.Grains.EventSourcing;

/// <summary>
/// The idempotency keys a grain remembers: the last <see cref="Capacity"/> keyed commands of its stream, rebuilt from
/// the stream on activation. A key older than that is treated as new (bounded memory per grain).
/// </summary>
internal sealed class RecentCommands
{
    public const int Capacity = 256;

    private readonly Dictionary<string, CommandAccepted> _byKey = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public CommandAccepted? Find(string key) => _byKey.GetValueOrDefault(key);

    public void Remember(CommandAccepted command)
    {
        if (command.IdempotencyKey is not { } key || !_byKey.TryAdd(key, command))
        {
            return;
        }
        _order.Enqueue(key);
        if (_order.Count > Capacity)
        {
            _byKey.Remove(_order.Dequeue());
        }
    }
}
