using Microsoft.OpenApi;

namespace CalfCoach.Web.Apis;

internal static class OpenApiBodies
{
    /// <summary>
    /// Documents the request body's media type without <c>Accepts</c> metadata: that would make routing answer a wrong
    /// content type itself, before the endpoint could return the problem response that names the Content-Type.
    /// </summary>
    public static RouteHandlerBuilder WithRequestBody(this RouteHandlerBuilder builder, string mediaType) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { [mediaType] = new() },
            };
            return Task.CompletedTask;
        });
}
