using System.ComponentModel.DataAnnotations;

namespace PolicingHub.Silo.Hosting;

/// <summary>The host's own settings, bound from "PolicingHub" and validated on start.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "PolicingHub";

    /// <summary>PolicingHub:Store — Sqlite (default) or InMemory.</summary>
    [EnumDataType(typeof(StoreProfile))]
    public StoreProfile Store { get; set; } = StoreProfile.Sqlite;

    /// <summary>PolicingHub:SeedDemo — load the demo data on start (the --seed-demo switch sets it).</summary>
    public bool SeedDemo { get; set; }
}
