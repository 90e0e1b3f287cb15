using System.ComponentModel.DataAnnotations;

namespace PolicingHub.Silo.Hosting;

/// <summary>The host's own settings, bound from "PolicingHub" and validated on start.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "PolicingHub";

    /// <summary>PolicingHub:Store — Sqlite (default) or InMemory.</summary>
    [EnumDataType(typeof(StoreProfile))]
    public StoreProfile Store { get; set; } = StoreProfile.Sqlite;

    /// <summary>PolicingHub:DataPath — the embedded profile's folder: events.db, orleans.db, keys, and the lock that keeps a second silo out.</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary>
    /// PolicingHub:Region — the region this silo runs in (Orleans silo metadata "region"); domain grains are placed in
    /// their home region when it has a silo (README "Regions"). Lower-case letters, digits and dashes.
    /// </summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{0,31}$", ErrorMessage = "PolicingHub:Region: 1–32 lower-case letters, digits or dashes, e.g. eu-west.")]
    public string Region { get; set; } = "local";

    /// <summary>PolicingHub:SeedDemo — load the demo data on start (the --seed-demo switch sets it).</summary>
    public bool SeedDemo { get; set; }

    /// <summary>PolicingHub:Orleans — the silo's ports and identity.</summary>
    public OrleansEndpoints Orleans { get; set; } = new();

    public sealed class OrleansEndpoints
    {
        [Range(1, 65535)]
        public int SiloPort { get; set; } = 11111;

        [Range(1, 65535)]
        public int GatewayPort { get; set; } = 30000;

        [Required]
        public string ClusterId { get; set; } = "policinghub";

        [Required]
        public string ServiceId { get; set; } = "policinghub";
    }
}
