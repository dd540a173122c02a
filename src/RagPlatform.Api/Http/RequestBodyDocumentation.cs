using Microsoft.AspNetCore.Builder;
using Microsoft.OpenApi;

namespace RagPlatform.Api.Http;

/// <summary>
/// Describes request bodies in the OpenAPI document only. Accepts&lt;T&gt;() would also make routing refuse other
/// content types with a bare 415 before the API could answer in its own error shape, and bodies are read by hand.
/// </summary>
internal static class RequestBodyDocumentation
{
    public static RouteHandlerBuilder DocumentJsonBody<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken).ConfigureAwait(false);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });

    /// <param name="textListFields">Optional repeatable text fields sent with the files, by name, with their descriptions.</param>
    public static RouteHandlerBuilder DocumentFileUpload(
        this RouteHandlerBuilder endpoint, string fieldName, IReadOnlyDictionary<string, string>? textListFields = null) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var files = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
            };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Properties = new Dictionary<string, IOpenApiSchema>(
                                (textListFields ?? new Dictionary<string, string>()).Select(field => KeyValuePair.Create<string, IOpenApiSchema>(
                                    field.Key,
                                    new OpenApiSchema
                                    {
                                        Type = JsonSchemaType.Array,
                                        Items = new OpenApiSchema { Type = JsonSchemaType.String },
                                        Description = field.Value,
                                    })))
                            {
                                [fieldName] = files,
                            },
                            Required = new HashSet<string> { fieldName },
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });
}
