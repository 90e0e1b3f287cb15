using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PolicingHub.Grains.Agencies;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Audit;
using PolicingHub.Grains.Directory;
using PolicingHub.Grains.Tasks;
using PolicingHub.Grains.Tests.Support;
using PolicingHub.Runtime;
using PolicingHub.Runtime.Events;

namespace PolicingHub.Grains.Tests.Hosting;

public sealed class RegistrationTests
{
    private static readonly Assembly Domain = typeof(GrainsRuntimeBuilderExtensions).Assembly;

    [Fact]
    public void Grain_classes_carry_the_type_names_the_event_streams_are_named_after()
    {
        Assert.Equal("agency", typeof(AgencyGrain).GetCustomAttribute<GrainTypeAttribute>()!.Name);
        Assert.Equal("agreement", typeof(AgreementGrain).GetCustomAttribute<GrainTypeAttribute>()!.Name);
        Assert.Equal("task", typeof(CooperationTaskGrain).GetCustomAttribute<GrainTypeAttribute>()!.Name);
        Assert.Equal("audit", typeof(AuditLogGrain).GetCustomAttribute<GrainTypeAttribute>()!.Name);
        Assert.Equal("directory", typeof(DirectoryGrain).GetCustomAttribute<GrainTypeAttribute>()!.Name);
    }

    [Fact]
    public void Every_event_record_is_registered_and_has_a_source_generated_contract()
    {
        var declared = Domain.GetTypes().Where(t => t.Namespace?.EndsWith(".Events", StringComparison.Ordinal) == true && t.IsPublic).ToList();

        Assert.Equal(21, declared.Count);
        Assert.Equal(declared.OrderBy(t => t.FullName).ToList(), GrainsRuntimeBuilderExtensions.EventTypes.OrderBy(t => t.FullName).ToList());
        Assert.All(declared, t => Assert.NotNull(GrainsJsonContext.Default.GetTypeInfo(t)));
    }

    [Fact]
    public void Every_state_command_and_view_record_has_a_source_generated_contract()
    {
        var records = Domain.GetTypes().Where(t => t.IsPublic && t.IsSealed && t.IsClass && t.GetMethod("<Clone>$") is not null).ToList();

        Assert.NotEmpty(records);
        Assert.All(records, t => Assert.True(GrainsJsonContext.Default.GetTypeInfo(t) is not null, $"{t.Name} has no contract in GrainsJsonContext"));
    }

    [Fact]
    public async Task The_host_knows_every_event_name_up_front()
    {
        await using var silo = await DomainSilo.StartAsync();
        var registry = silo.Services.GetRequiredService<EventTypeRegistry>();

        foreach (var (name, type) in new[]
        {
            ("agency.registered", typeof(PolicingHub.Grains.Agencies.Events.AgencyRegistered)),
            ("agreement.scorecard-changed", typeof(PolicingHub.Grains.Agreements.Events.ScorecardChanged)),
            ("commitment.overdue", typeof(PolicingHub.Grains.Agreements.Events.CommitmentOverdue)),
            ("task.escalated", typeof(PolicingHub.Grains.Tasks.Events.TaskEscalated)),
            ("audit.recorded", typeof(PolicingHub.Grains.Audit.Events.AuditRecorded)),
        })
        {
            Assert.True(registry.TryGetType(name, out var registered), name);
            Assert.Equal(type, registered);
        }
    }
}
