using System.Collections.Concurrent;

namespace PolicingHub.Silo.Regions;

/// <summary>
/// The silos this silo knows to be draining (told by the drain operation before it starts): no new activation and no
/// migration is placed on them while another silo qualifies.
/// </summary>
public sealed class SiloDrains
{
    private readonly ConcurrentDictionary<SiloAddress, bool> _draining = new();

    public void Add(SiloAddress silo) => _draining[silo] = true;

    public bool IsDraining(SiloAddress silo) => _draining.ContainsKey(silo);

    public bool Any => !_draining.IsEmpty;
}
