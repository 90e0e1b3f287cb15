using System.ComponentModel.DataAnnotations;

namespace PolicingHub.Silo.Hosting.Profiles;

/// <summary>
/// Everything the store profile needs, read from configuration while the host is composed (the profile decides which
/// services exist) and checked at once, so a bad setting stops the silo with one clear line instead of a stack trace
/// from deep inside Orleans.
/// </summary>
public sealed record ProfileSettings(
    SiloOptions Silo, PostgresStoreOptions Postgres, AzureStoreOptions Azure, MembershipTuningOptions Membership)
{
    public StoreProfile Profile => Silo.EffectiveProfile;

    /// <summary>Binds and validates; throws <see cref="SiloConfigurationException"/> naming every bad setting.</summary>
    public static ProfileSettings Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        List<string> failures = [];
        var settings = new ProfileSettings(
            Bind<SiloOptions>(configuration, SiloOptions.SectionName, failures),
            Bind<PostgresStoreOptions>(configuration, PostgresStoreOptions.SectionName, failures),
            Bind<AzureStoreOptions>(configuration, AzureStoreOptions.SectionName, failures),
            Bind<MembershipTuningOptions>(configuration, MembershipTuningOptions.SectionName, failures));
        if (failures.Count == 0)
        {
            failures.AddRange(ProfileSettingsValidator.Validate(settings));
        }
        return failures.Count == 0 ? settings : throw new SiloConfigurationException(failures);
    }

    private static T Bind<T>(IConfiguration configuration, string section, List<string> failures)
        where T : class, new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException bad)
        {
            // The binder names the key and the value it could not convert (e.g. PolicingHub:Profile = 'Clustr').
            var message = bad.Message.Split('\n')[0];
            failures.Add(message.Contains($"{SiloOptions.SectionName}:Profile'", StringComparison.Ordinal)
                ? $"{message} Use Embedded, Cluster, Azure or InMemory."
                : message);
            return options;
        }
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => r.ErrorMessage?.StartsWith(section, StringComparison.Ordinal) == true
                ? r.ErrorMessage
                : $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
        if (options is SiloOptions silo)
        {
            var nested = new List<ValidationResult>();
            Validator.TryValidateObject(silo.Orleans, new ValidationContext(silo.Orleans), nested, validateAllProperties: true);
            failures.AddRange(nested.Select(r => $"{section}:Orleans:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
        return options;
    }
}
