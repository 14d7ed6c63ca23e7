using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Assessment.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace CalfCoach.Web.Apis;

/// <summary>
/// What the OpenAPI document says about request bodies and problem responses. The handlers read their bodies themselves
/// (<see cref="JsonBody"/>), so the framework cannot infer either.
/// </summary>
/// <remarks>
/// Bodies are documented by operation transformers, not <c>Accepts</c> metadata: that would make routing answer a wrong
/// content type itself, before the endpoint could return the problem response that names the Content-Type.
/// </remarks>
internal static class OpenApiContracts
{
    private const string AnswersSchemaId = "RunnerAnswers";

    /// <summary>The problems every JSON body can meet: malformed or invalid (400), too large (413), not JSON (415).</summary>
    public static readonly int[] JsonBodyProblems = [StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType];

    /// <summary>A JSON body read as <typeparamref name="T"/>, the record its handler deserializes (so the schema is the contract).</summary>
    public static RouteHandlerBuilder WithJsonBody<T>(this RouteHandlerBuilder builder) =>
        builder.WithBody(async (context, cancellationToken) => await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken), "application/json");

    /// <summary>The answers object of <c>calfcoach assess --answers</c>, described from the questionnaire its strict reader checks against.</summary>
    public static RouteHandlerBuilder WithAnswersBody(this RouteHandlerBuilder builder) =>
        builder.WithBody((context, _) =>
        {
            if (context.Document is not { } document)
            {
                return Task.FromResult<IOpenApiSchema>(AnswersSchema());
            }

            // One component shared by every operation that takes the answers.
            document.AddComponent<IOpenApiSchema>(AnswersSchemaId, AnswersSchema());
            return Task.FromResult<IOpenApiSchema>(new OpenApiSchemaReference(AnswersSchemaId, document));
        }, "application/json");

    /// <summary>Files uploaded as multipart/form-data parts, all with the name <paramref name="part"/>.</summary>
    public static RouteHandlerBuilder WithFilesBody(this RouteHandlerBuilder builder, string part) =>
        builder.WithBody((_, _) => Task.FromResult<IOpenApiSchema>(new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(StringComparer.Ordinal) { part },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                [part] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
            },
        }), "multipart/form-data");

    /// <summary>A form with one text field holding the answers object as JSON (what the assessment page posts).</summary>
    public static RouteHandlerBuilder WithAnswersFormBody(this RouteHandlerBuilder builder, string field) =>
        builder.WithBody((_, _) => Task.FromResult<IOpenApiSchema>(new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                [field] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The answers object as JSON (see the RunnerAnswers schema); without it, the report has no plan." },
            },
        }), "application/x-www-form-urlencoded", "multipart/form-data");

    /// <summary>
    /// Problem responses (<c>application/problem+json</c>, with <c>errors</c> naming the field) the endpoint can return.
    /// Metadata only: unlike <c>Accepts</c>, response metadata changes nothing about routing.
    /// </summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var status in statusCodes)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
        }

        return builder;
    }

    /// <summary>
    /// The unexpected failure every endpoint can meet: the exception handler answers it with a problem document.
    /// Put on every group and lone endpoint, so each operation documents at least this one.
    /// </summary>
    public static TBuilder ProducesServerProblem<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status500InternalServerError, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));

    /// <summary>
    /// A 200 JSON response written with <paramref name="typeInfo"/> (a type this app's JSON options do not know, such as the stored
    /// profile): its schema is exported from that same contract, so it shows what the serializer really writes.
    /// </summary>
    public static RouteHandlerBuilder ProducesJson(this RouteHandlerBuilder builder, JsonTypeInfo typeInfo) =>
        builder.AddOpenApiOperationTransformer((operation, context, cancellationToken) =>
        {
            var exported = JsonSchemaExporter.GetJsonSchemaAsNode(typeInfo, new JsonSchemaExporterOptions
            {
                TreatNullObliviousAsNonNullable = true,
                TransformSchemaNode = (node, schema) => node.TypeInfo.Type.IsEnum ? WireValues(node.TypeInfo) : schema,
            });
            var parsed = OpenApiModelFactory.Parse<OpenApiSchema>(exported.ToJsonString(), OpenApiSpecVersion.OpenApi3_1, context.Document ?? new OpenApiDocument(), out _, "json");
            operation.Responses ??= [];
            operation.Responses[StatusCodes.Status200OK.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = "OK",
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = new() { Schema = parsed } },
            };
            return Task.CompletedTask;
        });

    /// <summary>The answers object: every warning sign a required boolean, the two day counts required whole numbers, the rest optional.</summary>
    public static OpenApiSchema AnswersSchema()
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var question in Questionnaire.SymptomQuestions)
        {
            properties[question.Key] = new OpenApiSchema
            {
                Type = JsonSchemaType.Boolean,
                Description = question.SinceVersion > Questionnaire.FirstVersion
                    ? $"{question.Text} (Version {question.SinceVersion}: required there, refused in version 1.)"
                    : question.Text,
            };
        }

        properties[Questionnaire.DaysSinceOnsetKey] = Days("Whole days since the pain began.");
        properties[Questionnaire.DaysOfHomeCareKey] = Days($"Whole days of rest and care at home so far; not more than {Questionnaire.DaysSinceOnsetKey}.");
        properties[Questionnaire.PainScoreKey] = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer | JsonSchemaType.Null,
            Minimum = "0",
            Maximum = PainScore.Max.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Description = $"The pain now, 0 (none) to {PainScore.Max}.",
        };
        properties[Questionnaire.SideKey] = Choice(AnswersJsonReader.SideChoices, "Which calf hurts.");
        properties[Questionnaire.OnsetKey] = Choice(AnswersJsonReader.OnsetChoices, "How the pain began.");
        properties[Questionnaire.AfterInjuryKey] = OptionalBoolean("The pain followed an injury.");
        properties[Questionnaire.CrampDuringRunKey] = OptionalBoolean("It began as a cramp during a run.");
        properties[Questionnaire.DiabetesOrImmunosuppressedKey] = OptionalBoolean("Diabetes, or a weakened immune system.");
        properties[Questionnaire.DvtRiskFactorsKey] = List(AnswersJsonReader.DvtRiskFactorChoices, "Risk factors for a blood clot.");
        properties[Questionnaire.RecentChangesKey] = List(AnswersJsonReader.RecentChangeChoices, "Changes to training or kit in the weeks before the pain.");
        properties[Questionnaire.VersionKey] = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Minimum = Questionnaire.FirstVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Maximum = Questionnaire.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Description = "The version of the questions answered; without it, version 1. Version 2 must answer every version-2 sign, painLocation, medicines, and the follow-up of every sign answered true.",
        };
        foreach (var detail in Questionnaire.Details)
        {
            var gateways = string.Join(" or ", detail.Gateways.Select(g => Questionnaire.For(g).Key));
            properties[detail.Key] = Choice(detail.Choices.Select(c => c.Value).ToArray(),
                $"Version 2 follow-up, required when {gateways} is true and refused when false: {detail.Text} The first value is the most worrying, and what a version-1 object is read as.");
        }

        properties[Questionnaire.PainLocationKey] = Choice(AnswersJsonReader.PainLocationChoices, "Version 2, required: where the pain is.");
        properties[Questionnaire.MedicinesKey] = List(AnswersJsonReader.MedicineChoices, "Version 2, required (empty if none): medicines that change what calf pain can mean.");

        // Every key the reader knows is described: a key added to the questionnaire without a schema fails here, not silently.
        var undescribed = Questionnaire.AllKeys.Except(properties.Keys, StringComparer.Ordinal).ToArray();
        if (undescribed.Length > 0)
        {
            throw new InvalidOperationException($"The answers schema does not describe {string.Join(", ", undescribed)}.");
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The answers of the calf check (`calfcoach assess --answers`). Every warning sign must be answered true or false; "
                + "a missing, null or unknown key is refused, never taken as \"no\".",
            Properties = properties,
            Required = new HashSet<string>([.. Questionnaire.SymptomQuestionsOf(Questionnaire.FirstVersion).Select(q => q.Key), Questionnaire.DaysSinceOnsetKey, Questionnaire.DaysOfHomeCareKey], StringComparer.Ordinal),
            AdditionalPropertiesAllowed = false,
        };
    }

    /// <summary>An enum as the contract writes it (a custom converter hides its values from the exporter): each value serialized.</summary>
    private static JsonObject WireValues(JsonTypeInfo enumInfo)
    {
        var values = new JsonArray();
        foreach (var value in Enum.GetValues(enumInfo.Type))
        {
            values.Add(JsonNode.Parse(JsonSerializer.Serialize(value, enumInfo)));
        }

        return new JsonObject { ["enum"] = values };
    }

    private static OpenApiSchema Days(string description) =>
        new() { Type = JsonSchemaType.Integer, Minimum = "0", Description = description };

    private static OpenApiSchema OptionalBoolean(string description) =>
        new() { Type = JsonSchemaType.Boolean | JsonSchemaType.Null, Description = description };

    private static OpenApiSchema Choice(IEnumerable<string> choices, string description) =>
        new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Enum = [.. choices.Select(c => (JsonNode)JsonValue.Create(c))], Description = description };

    private static OpenApiSchema List(IEnumerable<string> choices, string description) =>
        new()
        {
            Type = JsonSchemaType.Array | JsonSchemaType.Null,
            Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. choices.Select(c => (JsonNode)JsonValue.Create(c))] },
            Description = description,
        };

    private static RouteHandlerBuilder WithBody(
        this RouteHandlerBuilder builder, Func<OpenApiOperationTransformerContext, CancellationToken, Task<IOpenApiSchema>> schema, params string[] mediaTypes) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
            foreach (var mediaType in mediaTypes)
            {
                content[mediaType] = new OpenApiMediaType { Schema = await schema(context, cancellationToken) };
            }

            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        });
}
