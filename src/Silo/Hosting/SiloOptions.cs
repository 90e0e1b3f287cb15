using System.ComponentModel.DataAnnotations;

namespace PolicingHub.Silo.Hosting;

/// <summary>The host's own settings, bound from "PolicingHub" and validated on start.</summary>
public sealed class SiloOptions : IValidatableObject
{
    public const string SectionName = "PolicingHub";

    /// <summary>PolicingHub:Profile — Embedded (default), Cluster, Azure or InMemory (tests).</summary>
    public StoreProfile? Profile { get; set; }

    /// <summary>PolicingHub:Store — the older name for the profile: Sqlite (= Embedded) or InMemory. Profile wins when both are set alike.</summary>
    public string? Store { get; set; }

    /// <summary>PolicingHub:DataPath — the embedded profile's folder (events.db, orleans.db, the lock that keeps a second silo out); every profile keeps the audit key and checkpoint there, so the silos of a cluster must share it.</summary>
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

    /// <summary>The profile in force: <see cref="Profile"/>, else the one <see cref="Store"/> names, else Embedded.</summary>
    public StoreProfile EffectiveProfile => Profile ?? LegacyProfile ?? StoreProfile.Embedded;

    private StoreProfile? LegacyProfile => Store?.Trim().ToUpperInvariant() switch
    {
        null or "" => null,
        "SQLITE" or "EMBEDDED" => StoreProfile.Embedded,
        "INMEMORY" => StoreProfile.InMemory,
        _ => null,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Store) && LegacyProfile is null)
        {
            yield return new ValidationResult($"PolicingHub:Store must be Sqlite or InMemory, not '{Store}' (use PolicingHub:Profile for Cluster or Azure).", [nameof(Store)]);
        }
        else if (Profile is { } profile && LegacyProfile is { } legacy && profile != legacy)
        {
            yield return new ValidationResult($"PolicingHub:Profile is {profile} but PolicingHub:Store says {Store}; set only PolicingHub:Profile.", [nameof(Profile)]);
        }
        if (Profile is { } value && !Enum.IsDefined(value))
        {
            yield return new ValidationResult($"PolicingHub:Profile must be Embedded, Cluster, Azure or InMemory, not '{value}'.", [nameof(Profile)]);
        }
    }

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

        /// <summary>Cluster and azure profiles: the address or host name other silos reach this one at (default 127.0.0.1).</summary>
        [Required]
        public string AdvertisedHost { get; set; } = "127.0.0.1";

        /// <summary>Cluster and azure profiles: listen on every interface, not only the advertised address (containers).</summary>
        public bool ListenOnAnyAddress { get; set; }
    }
}
