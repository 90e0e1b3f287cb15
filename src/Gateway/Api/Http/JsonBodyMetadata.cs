using Microsoft.AspNetCore.Http.Metadata;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>
/// Tells routing and the OpenAPI document that an endpoint reads a JSON body of this type (see <see cref="Body{T}"/>).
/// Optional, because an empty body reads as <c>{}</c>; a body of another media type gets 415.
/// </summary>
internal sealed class JsonBodyMetadata(Type requestType) : IAcceptsMetadata
{
    public IReadOnlyList<string> ContentTypes { get; } = ["application/json"];

    public Type? RequestType { get; } = requestType;

    public bool IsOptional => true;
}
