using System.ComponentModel.DataAnnotations;

namespace PolicingHub.Runtime.Hosting;

/// <summary>Runtime settings, bound from "PolicingHub:Runtime" and validated on start.</summary>
public sealed class RuntimeOptions : IValidatableObject
{
    public const string SectionName = "PolicingHub:Runtime";

    /// <summary>How long a caller waits for a grain call unless the reference says otherwise.</summary>
    public TimeSpan DefaultCallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often waiting calls are checked against their deadlines (a deadline's precision).</summary>
    public TimeSpan DeadlineSweepInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>An activation idle this long is collected.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long OnDeactivateAsync may take before deactivation goes on without it.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When a reminder tick fails (the grain threw or timed out), how long until it is tried again.</summary>
    public TimeSpan ReminderRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[]
        {
            (nameof(DefaultCallTimeout), DefaultCallTimeout),
            (nameof(DeadlineSweepInterval), DeadlineSweepInterval),
            (nameof(CollectionAge), CollectionAge),
            (nameof(CollectionQuantum), CollectionQuantum),
            (nameof(DeactivationTimeout), DeactivationTimeout),
            (nameof(ReminderRetryDelay), ReminderRetryDelay),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"{name} must be positive (was {value}).", [name]);
            }
        }
        if (CollectionQuantum > CollectionAge)
        {
            yield return new ValidationResult($"{nameof(CollectionQuantum)} must not exceed {nameof(CollectionAge)}.", [nameof(CollectionQuantum)]);
        }
    }
}
