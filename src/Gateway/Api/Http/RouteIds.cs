using PolicingHub.Grains.Model;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>Parses ids from route values; a malformed id is a 400 field error before any grain is called.</summary>
internal static class RouteIds
{
    public static AgencyCode Agency(string code) => Parse<AgencyCode>("code", code);

    public static AgreementId Agreement(string id) => Parse<AgreementId>("id", id);

    public static TaskId Task(string id) => Parse<TaskId>("id", id);

    private static TId Parse<TId>(string field, string value) where TId : struct, IStringId<TId>
    {
        var errors = new FieldErrors();
        var id = errors.Id<TId>(field, value);
        errors.ThrowIfAny();
        return id;
    }
}
