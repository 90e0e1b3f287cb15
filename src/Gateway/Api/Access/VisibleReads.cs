using System.Collections.Immutable;
using PolicingHub.Gateway.Api.Http;
using PolicingHub.Gateway.Projections;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Tasks;

namespace PolicingHub.Gateway.Api.Access;

/// <summary>
/// Reads that apply <see cref="Visibility"/>: what the actor may not see is reported exactly like what does not exist
/// (the same 404 and message), so existence is never leaked. Partner commands check here first for the same reason.
/// </summary>
internal static class VisibleReads
{
    public static async Task<AgencyView> VisibleAgency(this ApiContext api, AgencyCode code)
    {
        if (!Visibility.CanSeeAgency(api.Actor.Role, api.Actor.Agency, code))
        {
            throw Missing("Agency", code.Value);
        }
        var models = await api.ReadModelsAsync().ConfigureAwait(false);
        return models.Agency(code.Value) is { } view ? ForActor(api, view) : throw Missing("Agency", code.Value);
    }

    /// <summary>Operators see presence only: no contacts, agreements or tasks.</summary>
    public static AgencyView ForActor(ApiContext api, AgencyView view) =>
        api.Actor.Role == ActorRole.Operator ? view with { Contacts = [], Agreements = [], OpenTasks = [] } : view;

    public static async Task<AgreementDetails> VisibleAgreement(this ApiContext api, AgreementId id)
    {
        var view = await Get(api.Read<IAgreementGrain>(id.Value).Get(), "Agreement", id.Value).ConfigureAwait(false);
        if (!Visibility.CanSeeAgreement(api.Actor.Role, api.Actor.Agency, view.Parties))
        {
            throw Missing("Agreement", id.Value);
        }
        return await api.WithScorecard(view).ConfigureAwait(false);
    }

    /// <summary>The agreement's view with its scorecard (read models caught up first).</summary>
    public static async Task<AgreementDetails> WithScorecard(this ApiContext api, AgreementView view)
    {
        var models = await api.ReadModelsAsync().ConfigureAwait(false);
        return AgreementDetails.Of(view, models.Scorecard(view.Id.Value) ?? new Scorecard(null, 0, null, []));
    }

    public static async Task<TaskView> VisibleTask(this ApiContext api, TaskId id)
    {
        var view = await Get(api.Read<ICooperationTaskGrain>(id.Value).Get(), "Task", id.Value).ConfigureAwait(false);
        if (api.Actor.IsCoordinator)
        {
            return view;
        }
        var agreementParties = await api.PartiesOf(view.Agreement).ConfigureAwait(false);
        return Visibility.CanSeeTask(api.Actor.Role, api.Actor.Agency, view.Assignee, view.Handling, agreementParties)
            ? view
            : throw Missing("Task", id.Value);
    }

    /// <summary>Before a partner's command: the same 404 as a read when the partner may not see the target.</summary>
    public static async Task EnsurePartnerSeesAgreement(this ApiContext api, AgreementId id)
    {
        if (api.Actor.Role == ActorRole.Partner)
        {
            await api.VisibleAgreement(id).ConfigureAwait(false);
        }
    }

    public static async Task EnsurePartnerSeesTask(this ApiContext api, TaskId id)
    {
        if (api.Actor.Role == ActorRole.Partner)
        {
            await api.VisibleTask(id).ConfigureAwait(false);
        }
    }

    public static NotFoundException Missing(string kind, string id) => new($"{kind} '{id}' was not found.");

    /// <summary>The parties of an agreement; none when it does not exist.</summary>
    public static async Task<ImmutableArray<AgencyCode>> PartiesOf(this ApiContext api, AgreementId id) =>
        (await NotFound.OrNull(api.Read<IAgreementGrain>(id.Value).Get()).ConfigureAwait(false))?.Parties ?? [];

    private static async Task<T> Get<T>(Task<T> read, string kind, string id)
    {
        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            throw Missing(kind, id);
        }
    }
}
