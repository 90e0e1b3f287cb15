using Microsoft.Extensions.Configuration;
using PolicingHub.Silo.Hosting;
using PolicingHub.Silo.Hosting.Profiles;

namespace PolicingHub.Gateway.Tests.Host;

/// <summary>PolicingHub:Profile and the settings each profile needs: read while composing, every bad one named on one line.</summary>
public sealed class ProfileSettingsTests
{
    private const string Postgres = "Host=127.0.0.1;Port=5432;Username=policinghub;Password=secret;Database=policinghub";
    private const string Azurite = "UseDevelopmentStorage=true";

    [Theory]
    [InlineData(null, null, StoreProfile.Embedded)]
    [InlineData(null, "Sqlite", StoreProfile.Embedded)]
    [InlineData(null, "InMemory", StoreProfile.InMemory)]
    [InlineData("InMemory", "InMemory", StoreProfile.InMemory)]
    [InlineData("embedded", null, StoreProfile.Embedded)]
    [InlineData("Cluster", null, StoreProfile.Cluster)]
    [InlineData("azure", null, StoreProfile.Azure)]
    public void The_profile_comes_from_Profile_or_the_older_Store_key_and_defaults_to_embedded(string? profile, string? store, StoreProfile expected)
    {
        var settings = ProfileSettings.Load(Configuration(("PolicingHub:Profile", profile), ("PolicingHub:Store", store),
            ("PolicingHub:Postgres:ConnectionString", Postgres), ("PolicingHub:Azure:StorageConnectionString", Azurite)));

        Assert.Equal(expected, settings.Profile);
    }

    [Fact]
    public void The_cluster_profile_without_a_PostgreSQL_connection_string_is_refused_naming_the_key()
    {
        var refused = Assert.Throws<SiloConfigurationException>(() => ProfileSettings.Load(Configuration(("PolicingHub:Profile", "Cluster"))));

        Assert.Equal("PolicingHub configuration: the Cluster profile needs PostgreSQL: PolicingHub:Postgres:ConnectionString is empty", refused.Message);
    }

    [Fact]
    public void The_azure_profile_names_every_missing_or_bad_setting_at_once()
    {
        var refused = Assert.Throws<SiloConfigurationException>(() => ProfileSettings.Load(Configuration(
            ("PolicingHub:Profile", "Azure"), ("PolicingHub:Postgres:ConnectionString", "Port=5432"),
            ("PolicingHub:Azure:GrainStateContainer", "Grain_State"), ("PolicingHub:Azure:RemindersTable", "1reminders"))));

        Assert.Equal(
        [
            "the Azure profile needs PostgreSQL: PolicingHub:Postgres:ConnectionString names no Host",
            "the Azure profile needs a storage account: set PolicingHub:Azure:StorageConnectionString (UseDevelopmentStorage=true for Azurite on its default ports)",
            "PolicingHub:Azure:GrainStateContainer must be 3-63 lower-case letters, digits and single hyphens, not 'Grain_State'",
            "PolicingHub:Azure:RemindersTable must be 3-63 letters and digits starting with a letter, not '1reminders'",
        ], refused.Failures);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public void An_unknown_profile_or_a_contradicting_Store_is_refused_with_the_values_allowed()
    {
        var unknown = Assert.Throws<SiloConfigurationException>(() => ProfileSettings.Load(Configuration(("PolicingHub:Profile", "Clustr"))));
        var contradicting = Assert.Throws<SiloConfigurationException>(() => ProfileSettings.Load(Configuration(
            ("PolicingHub:Profile", "Embedded"), ("PolicingHub:Store", "InMemory"))));

        Assert.EndsWith("'Clustr' at 'PolicingHub:Profile' to type 'PolicingHub.Silo.Hosting.StoreProfile'. Use Embedded, Cluster, Azure or InMemory.", unknown.Message);
        Assert.Equal(["PolicingHub:Profile is Embedded but PolicingHub:Store says InMemory; set only PolicingHub:Profile."], contradicting.Failures);
    }

    [Fact]
    public void Membership_defaults_are_the_tuned_values_and_bad_tuning_is_refused()
    {
        var defaults = ProfileSettings.Load(Configuration(("PolicingHub:Profile", "Cluster"), ("PolicingHub:Postgres:ConnectionString", Postgres))).Membership;
        var refused = Assert.Throws<SiloConfigurationException>(() => ProfileSettings.Load(Configuration(
            ("PolicingHub:Profile", "Cluster"), ("PolicingHub:Postgres:ConnectionString", Postgres),
            ("PolicingHub:Membership:ProbeTimeout", "00:00:00"), ("PolicingHub:Membership:NumVotesForDeathDeclaration", "0"))));

        Assert.Equal(
            (true, TimeSpan.FromSeconds(1), 2, 2, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)),
            (defaults.Tuned, defaults.ProbeTimeout, defaults.NumMissedProbesLimit, defaults.NumVotesForDeathDeclaration,
                defaults.DeathVoteExpirationTimeout, defaults.IAmAliveTablePublishTimeout, defaults.TableRefreshTimeout));
        Assert.Equal(
        [
            "PolicingHub:Membership:ProbeTimeout must be more than 0 and at most 00:10:00, not 00:00:00",
            "PolicingHub:Membership:NumVotesForDeathDeclaration must be between 1 and 10, not 0",
        ], refused.Failures);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null).Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();
}
