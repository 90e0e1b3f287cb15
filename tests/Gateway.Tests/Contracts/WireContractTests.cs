using System.Text.Json;
using System.Text.Json.Serialization;
using PolicingHub.Contracts;
using PolicingHub.Contracts.Agencies;
using PolicingHub.Contracts.Agreements;
using PolicingHub.Contracts.Cluster;
using PolicingHub.Contracts.Tasks;
using PolicingHub.Gateway.Tests.Support;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Tests.Contracts;

/// <summary>
/// The shared wire contract (src/Contracts) against what the gateway really sends: every member the API writes has a
/// place in the contract's records (unknown members fail), and the closed name lists match the domain's enums.
/// </summary>
public sealed class WireContractTests(WireContractTests.Fixture fixture) : IClassFixture<WireContractTests.Fixture>
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    [Fact]
    public async Task Tasks_agreements_agencies_and_the_cluster_as_the_api_returns_them_read_into_the_contract_without_unknown_members()
    {
        using var coordinator = fixture.Factory.Coordinator();
        using var op = fixture.Factory.Operator();

        var tasks = await ReadAsync<IReadOnlyList<TaskView>>(coordinator, "/api/tasks");
        var agreement = await ReadAsync<AgreementDetails>(coordinator, $"/api/agreements/{Scenario.KoreaJapan}");
        var agencies = await ReadAsync<IReadOnlyList<AgencyView>>(coordinator, "/api/agencies");
        var scorecard = await ReadAsync<ScorecardView>(coordinator, $"/api/agreements/{Scenario.KoreaJapan}/scorecard");
        var cluster = await ReadAsync<ClusterView>(op, "/api/cluster");

        Assert.Contains(tasks, t => t.Assignee == "JP-NPA" && Vocabulary.HandlingCodes.Contains(t.Handling) && Vocabulary.TaskStatuses.Contains(t.Status));
        Assert.Equal(["KR-KNPA", "JP-NPA"], agreement.Parties);
        Assert.Equal("Active", agreement.Status);
        Assert.NotEmpty(agreement.Commitments);
        Assert.All(agreement.Commitments, c => Assert.Contains(c.Status, Vocabulary.CommitmentStatuses));
        Assert.Equal(agreement.Scorecard.Parties.Select(p => p.Agency), scorecard.Parties.Select(p => p.Agency));
        Assert.Contains(agencies, a => a.Code == "JP-NPA" && a.Status.Readiness == "Normal");
        Assert.Equal("Active", Assert.Single(cluster.Silos).Status);
    }

    [Fact]
    public void The_contracts_name_lists_are_the_domains_enum_names_in_order()
    {
        Assert.Equal(Enum.GetNames<CooperationArea>(), Vocabulary.Areas);
        Assert.Equal(Enum.GetNames<Priority>(), Vocabulary.Priorities);
        Assert.Equal(Enum.GetNames<HandlingCode>(), Vocabulary.HandlingCodes);
        Assert.Equal(Enum.GetNames<TaskKind>(), Vocabulary.TaskKinds);
        Assert.Equal(Enum.GetNames<Readiness>(), Vocabulary.Readiness);
        Assert.Equal(Enum.GetNames<CooperationTaskStatus>(), Vocabulary.TaskStatuses);
        Assert.Equal(Enum.GetNames<AgreementStatus>(), Vocabulary.AgreementStatuses);
        Assert.Equal(Enum.GetNames<CommitmentStatus>(), Vocabulary.CommitmentStatuses);
    }

    private static async Task<T> ReadAsync<T>(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<T>(body, Strict)!;
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public GatewayFactory Factory { get; } = new();

        public Task InitializeAsync() => Factory.SeedDemoAsync();

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
