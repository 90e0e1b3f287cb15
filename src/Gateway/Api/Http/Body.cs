using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicingHub.Gateway.Security;

namespace PolicingHub.Gateway.Api.Http;

/// <summary>
/// A JSON request body that the gateway reads itself, so that binding never fails before the endpoint filters run: a
/// malformed, oversized or ill-typed body is kept and thrown when the endpoint reads <see cref="Value"/> — inside the
/// audit filter, mapped to a ProblemDetails like every other refusal. An empty body reads as <c>{}</c>, so each
/// required field reports itself missing. A value of the wrong JSON type is a field error named by its JSON path.
/// </summary>
internal sealed class Body<T> : IEndpointParameterMetadataProvider where T : class
{
    private readonly T? _value;
    private readonly Exception? _error;

    private Body(T value) => _value = value;

    private Body(Exception error) => _error = error;

    public T Value => _value ?? throw _error!;

    public static async ValueTask<Body<T>?> BindAsync(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.MaxRequestBytes;
        var json = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var bytes = await ReadAsync(context.Request.Body, limit, context.RequestAborted).ConfigureAwait(false);
            return new Body<T>(Parse(bytes, json));
        }
        catch (Exception e) when (e is BadHttpRequestException or MalformedBodyException or RequestValidationException)
        {
            return new Body<T>(e);
        }
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new JsonBodyMetadata(typeof(T)));
    }

    private static T Parse(ReadOnlyMemory<byte> bytes, JsonSerializerOptions options)
    {
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            bytes = "{}"u8.ToArray();
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new MalformedBodyException($"The request body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedBodyException("The request body must be a JSON object.");
            }
            try
            {
                return document.RootElement.Deserialize<T>(options)
                    ?? throw new MalformedBodyException("The request body must be a JSON object.");
            }
            catch (JsonException e)
            {
                throw RequestValidationException.For(FieldOf(e.Path), "The value does not have the expected type or format.");
            }
        }
    }

    /// <summary>"$.responseClauses[0].area" → "responseClauses[0].area".</summary>
    private static string FieldOf(string? path) => path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static async Task<ReadOnlyMemory<byte>> ReadAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new BadHttpRequestException($"The request body may be at most {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
